package dev.gwemu.httpapi.authorizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.auth.policy.PolicyDocument;
import dev.gwemu.httpapi.HttpApiErrors;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.pipeline.GatewayException;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads what an HTTP API Lambda authorizer function answered (security-and-operations.md §3.4; AWS guide "Working
 * with AWS Lambda authorizers for HTTP APIs", response formats): a simple response or an IAM policy is an answer,
 * the error {@code Unauthorized} is the 401 answer, and anything else is a 500 thrown here.
 */
final class HttpAuthorizerResponseReader {
    /** The function error message that means 401 (§3.4): exactly this, case and all, as for REST (§3.3 [doc]). */
    static final String UNAUTHORIZED_ERROR_MESSAGE = "Unauthorized";
    /**
     * Whether a 1.0 answer's context may hold only strings, numbers and booleans [unc]. The HTTP API guide shows
     * lists and maps only in 2.0 answers and calls 1.0 the REST-compatible format; REST answers 500 for them
     * (§3.3 [obs]). gwemu applies the REST contract to 1.0.
     */
    static final boolean V1_CONTEXT_IS_FLAT = true;
    /** Context keys a 1.0 answer may not set: the guide says {@code claims} "is a reserved placeholder" [doc]. */
    static final Set<String> V1_RESERVED_CONTEXT_KEYS = Set.of("claims");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> CONTEXT = new TypeReference<>() {
    };

    private HttpAuthorizerResponseReader() {
    }

    /**
     * @param simple    whether the authorizer takes simple responses (2.0 with {@code enableSimpleResponses})
     * @param payloadV1 whether it uses payload format 1.0
     * @throws GatewayException 500 for every answer that is neither a valid output nor {@code Unauthorized}
     */
    static HttpAuthorizerAnswer read(InvokeResult result, boolean simple, boolean payloadV1) {
        if (result.functionError()) {
            if (UNAUTHORIZED_ERROR_MESSAGE.equals(result.errorMessage())) {
                return new HttpAuthorizerAnswer.Unauthorized();
            }
            throw HttpApiErrors.internalServerError("the authorizer function failed: " + result.payloadPreview());
        }
        JsonNode output = parse(result);
        if (!output.isObject()) {
            throw invalid("it is not a JSON object: " + result.payloadPreview());
        }
        Map<String, Object> context = context(output, payloadV1);
        if (simple) {
            JsonNode authorized = output.get("isAuthorized");
            if (authorized == null || !authorized.isBoolean()) {
                throw invalid("a simple response needs isAuthorized, true or false");
            }
            return new HttpAuthorizerAnswer.Simple(authorized.booleanValue(), context);
        }
        JsonNode document = output.get("policyDocument");
        if (document == null || !document.isObject()) {
            throw invalid(document == null || document.isNull() ? "policyDocument is missing" : "policyDocument is not an object");
        }
        PolicyDocument policy;
        try {
            policy = PolicyDocument.parse(document);
        } catch (IllegalArgumentException e) {
            throw invalid("policyDocument: " + e.getMessage());
        }
        return new HttpAuthorizerAnswer.Policy(principalId(output), policy, context);
    }

    /** An optional string, as REST reads it (PRINCIPAL_ID_REQUIRED is false there too). */
    private static String principalId(JsonNode output) {
        JsonNode value = output.get("principalId");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("principalId is not a string");
        }
        return value.asText();
    }

    /** The context with its JSON types, or null when the answer has none. */
    private static Map<String, Object> context(JsonNode output, boolean payloadV1) {
        JsonNode context = output.get("context");
        if (context == null || context.isNull()) {
            return null;
        }
        if (!context.isObject()) {
            throw invalid("context is not an object");
        }
        if (payloadV1) {
            for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (V1_RESERVED_CONTEXT_KEYS.contains(entry.getKey())) {
                    throw invalid("context key '" + entry.getKey() + "' is reserved");
                }
                if (V1_CONTEXT_IS_FLAT && entry.getValue().isContainerNode()) {
                    throw invalid("context." + entry.getKey() + " is " + (entry.getValue().isArray() ? "an array" : "an object")
                            + "; payload 1.0 context values are strings, numbers or booleans");
                }
            }
        }
        return JSON.convertValue(context, CONTEXT);
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

    private static GatewayException invalid(String why) {
        return HttpApiErrors.internalServerError("the authorizer's answer is not a valid authorizer output: " + why);
    }
}
