package dev.gwemu.auth.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An API's resource policy ({@code x-amazon-apigateway-policy}) as API Gateway stores it: the
 * {@code execute-api:/...} shorthand rewritten to full ARNs (security-and-operations.md §4.1).
 */
public final class ResourcePolicy {
    /** {@code RestApi.policy} is at most 8192 characters (security-and-operations.md §4.1 [doc]). */
    public static final int MAX_LENGTH = 8192;

    /** Duplicate keys are refused: {@code {"Effect":"Deny","Effect":"Allow"}} must not quietly read as Allow. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final PolicyDocument document;
    private final String storedText;

    private ResourcePolicy(PolicyDocument document, String storedText) {
        this.document = document;
        this.storedText = storedText;
    }

    /**
     * @param json the policy as a JSON string
     * @throws IllegalArgumentException naming what is malformed
     */
    public static ResourcePolicy compile(String json, String region, String accountId, String apiId) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the resource policy is empty");
        }
        if (json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the resource policy is " + json.length()
                    + " characters long; API Gateway allows at most " + MAX_LENGTH);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException("the resource policy is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        ExecuteApiShorthand shorthand = new ExecuteApiShorthand(region, accountId, apiId);
        forEachStatement(tree, statement -> {
            rewriteStrings(statement, "Resource", shorthand::expand);
            rewriteStrings(statement, "NotResource", shorthand::expand);
        });
        PolicyDocument document = PolicyDocument.parse(tree, PolicyKind.RESOURCE_BASED);
        return new ResourcePolicy(document, storedText(tree));
    }

    /** Explicit Deny wins, then Allow, else implicit deny; combine with the caller's side by {@link AccessDecision}. */
    public PolicyDecision evaluate(RequestFacts facts) {
        return document.evaluate(facts);
    }

    /**
     * The policy as {@code GetRestApi} returns it (before JSON-escaping into the {@code policy} string): shorthand
     * rewritten, compact, a one-element Resource list collapsed to a string [snap] and a one-element
     * {@code Principal.AWS} list too [obs] (security-and-operations.md §4.1).
     */
    public String storedText() {
        return storedText;
    }

    /** @see PolicyDocument#unsupportedConditionKeys() */
    public Set<String> unsupportedConditionKeys() {
        return document.unsupportedConditionKeys();
    }

    private static String storedText(JsonNode tree) {
        forEachStatement(tree, statement -> {
            collapseSingleton(statement, "Resource");
            collapseSingleton(statement, "NotResource");
            for (String element : new String[] {"Principal", "NotPrincipal"}) {
                if (statement.get(element) instanceof ObjectNode principal) {
                    collapseSingleton(principal, "AWS");
                }
            }
        });
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serialises", e);
        }
    }

    private static void forEachStatement(JsonNode tree, java.util.function.Consumer<ObjectNode> action) {
        JsonNode statements = tree.get("Statement");
        if (statements instanceof ObjectNode statement) {
            action.accept(statement);
        } else if (statements instanceof ArrayNode array) {
            for (JsonNode element : array) {
                if (element instanceof ObjectNode statement) {
                    action.accept(statement);
                }
            }
        }
    }

    private static void rewriteStrings(ObjectNode statement, String element, UnaryOperator<String> rewrite) {
        JsonNode value = statement.get(element);
        if (value != null && value.isTextual()) {
            statement.put(element, rewrite.apply(value.textValue()));
        } else if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(rewrite.apply(array.get(i).textValue())));
                }
            }
        }
    }

    private static void collapseSingleton(ObjectNode parent, String element) {
        if (parent.get(element) instanceof ArrayNode array && array.size() == 1) {
            parent.set(element, array.get(0));
        }
    }
}
