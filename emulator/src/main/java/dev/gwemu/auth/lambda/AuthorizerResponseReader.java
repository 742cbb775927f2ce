package dev.gwemu.auth.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.lambda.InvokeResult;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads what an authorizer function answered against the output contract (security-and-operations.md §3.3,
 * Response contract and outcomes table): a valid output is a result, the error {@code Unauthorized} is a 401
 * answer, anything else is a 500 thrown here.
 */
public final class AuthorizerResponseReader<P> {
    /** The function error message that means 401 (§3.3 [doc]): exactly this, case and all. */
    static final String UNAUTHORIZED_ERROR_MESSAGE = "Unauthorized";
    /**
     * Whether an output without {@code principalId} is a 500 [unc]. The AWS guide says the output "must include"
     * it; a tested account of the failure modes says only policyDocument is required ("other fields are optional",
     * dev.to/marcogrcr). gwemu follows the test: the result then has a null principalId.
     */
    static final boolean PRINCIPAL_ID_REQUIRED = false;
    /**
     * The largest answer taken, in bytes [unc]. AWS lists "AWS Lambda authorizer result size: 8 KB" in the WebSocket
     * API quotas and in Service Quotas (L-20859C74), not in the REST API quotas; a REST authorizer returning more than
     * 8 KB is reported to work (re:Post "lambda authorizer for api gateway maximum size of returned policy"). So a REST
     * answer is bounded only by Lambda's response payload limit, 6 291 556 bytes (its ResponseSizeTooLarge message).
     * Set 8 * 1024 here to apply the WebSocket quota instead.
     */
    static final int MAX_RESULT_BYTES = 6_291_556;
    /** Context keys an authorizer may not set (§3.3 [doc]: {@code claims} is reserved); gwemu refuses them with 500. */
    static final Set<String> RESERVED_CONTEXT_KEYS = Set.of("claims");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<JsonNode, ? extends P> policyParser;
    private final int maxResultBytes;

    /** @param policyParser reads a {@code policyDocument}; IllegalArgumentException means it is malformed (500) */
    AuthorizerResponseReader(Function<JsonNode, ? extends P> policyParser) {
        this(policyParser, MAX_RESULT_BYTES);
    }

    /**
     * @param maxResultBytes the largest answer taken: WebSocket APIs apply their 8 KB quota (§7.1), REST
     *                       {@link #MAX_RESULT_BYTES}
     */
    public AuthorizerResponseReader(Function<JsonNode, ? extends P> policyParser, int maxResultBytes) {
        this.policyParser = policyParser;
        this.maxResultBytes = maxResultBytes;
    }

    /**
     * @param latencyMillis how long the call took, for the result's integrationLatency
     * @throws dev.gwemu.pipeline.GatewayException 500 for every answer that is neither a valid output nor
     *                                             {@code Unauthorized}
     */
    public AuthorizerAnswer<P> read(InvokeResult result, long latencyMillis) {
        if (result.payload().length > maxResultBytes) {
            throw AuthorizerFailures.configurationError("the authorizer's answer is " + result.payload().length
                    + " bytes, over the " + maxResultBytes + "-byte limit");
        }
        if (result.functionError()) {
            String message = result.errorMessage();
            if (UNAUTHORIZED_ERROR_MESSAGE.equals(message)) {
                return new AuthorizerAnswer.Unauthorized<>();
            }
            throw AuthorizerFailures.configurationError("the authorizer function failed: " + result.payloadText());
        }
        JsonNode output = parse(result);
        if (!output.isObject()) {
            throw invalid("it is not a JSON object: " + result.payloadPreview());
        }
        JsonNode document = output.get("policyDocument");
        if (document == null || !document.isObject()) {
            throw invalid(document == null || document.isNull() ? "policyDocument is missing" : "policyDocument is not an object");
        }
        P policy;
        try {
            policy = policyParser.apply(document);
        } catch (IllegalArgumentException e) {
            throw invalid("policyDocument: " + e.getMessage());
        }
        return new AuthorizerAnswer.Authorized<>(new AuthorizerResult<>(principalId(output), policy, context(output),
                optionalString(output, "usageIdentifierKey"), latencyMillis, false));
    }

    private static String principalId(JsonNode output) {
        String principalId = optionalString(output, "principalId");
        if (principalId == null && PRINCIPAL_ID_REQUIRED) {
            throw invalid("principalId is missing");
        }
        return principalId;
    }

    /**
     * The context with every value as a string (§3.3: "stringified"). A null value is left out [unc: AWS's handling
     * is not documented]; an object or array is a 500 (§3.3 [obs]).
     */
    private static Map<String, String> context(JsonNode output) {
        JsonNode context = output.get("context");
        if (context == null || context.isNull()) {
            return Map.of();
        }
        if (!context.isObject()) {
            throw invalid("context is not an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (RESERVED_CONTEXT_KEYS.contains(entry.getKey())) {
                throw invalid("context key '" + entry.getKey() + "' is reserved");
            }
            if (value.isContainerNode()) {
                throw invalid("context." + entry.getKey() + " is " + (value.isArray() ? "an array" : "an object")
                        + "; context values are strings, numbers or booleans");
            }
            if (!value.isNull()) {
                values.put(entry.getKey(), value.asText());
            }
        }
        return values;
    }

    private static String optionalString(JsonNode output, String field) {
        JsonNode value = output.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field + " is not a string");
        }
        return value.asText();
    }

    private static JsonNode parse(InvokeResult result) {
        try {
            return JSON.readTree(result.payload());
        } catch (JsonProcessingException e) {
            throw invalid("it is not JSON: " + result.payloadPreview());
        } catch (IOException e) {
            throw invalid("it cannot be read: " + e.getMessage());
        }
    }

    private static dev.gwemu.pipeline.GatewayException invalid(String why) {
        return AuthorizerFailures.configurationError("the authorizer's answer is not a valid authorizer output: " + why);
    }
}
