package dev.gwemu.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an IAM JSON policy into statements, refusing anything malformed with an IllegalArgumentException that
 * says where and what (IAM User Guide, "IAM JSON policy element reference"; security-and-operations.md §3.3, §4).
 */
final class PolicyParser {
    /** A statement's Resource string: security-and-operations.md §3.3, Response contract [doc]. */
    static final int MAX_RESOURCE_LENGTH = 512;
    /** The one action API Gateway evaluates. */
    static final String INVOKE = "execute-api:Invoke";

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final String DOCUMENT_ELEMENTS = "Version, Id, Statement";
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final String STATEMENT_ELEMENT_LIST =
            "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition";

    private final PolicyKind kind;
    private final ConditionBlockParser conditions = new ConditionBlockParser();

    private PolicyParser(PolicyKind kind) {
        this.kind = kind;
    }

    static PolicyDocument parse(JsonNode document, PolicyKind kind) {
        PolicyParser parser = new PolicyParser(kind);
        List<Statement> statements = parser.document(document);
        return new PolicyDocument(statements, parser.conditions.unsupportedKeys());
    }

    private List<Statement> document(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("a policy must be a JSON object, got " + JsonValues.type(document));
        }
        for (Map.Entry<String, JsonNode> element : document.properties()) {
            String name = element.getKey();
            if (!name.equals("Version") && !name.equals("Id") && !name.equals("Statement")) {
                throw new IllegalArgumentException("the policy has an unknown element \"" + name
                        + "\" (elements are case-sensitive: " + DOCUMENT_ELEMENTS + ")");
            }
        }
        JsonNode version = document.get("Version");
        if (version != null && !(version.isTextual() && VERSIONS.contains(version.textValue()))) {
            throw new IllegalArgumentException("Version must be \"2012-10-17\" or \"2008-10-17\", got " + JsonValues.shown(version));
        }
        JsonNode id = document.get("Id");
        if (id != null && !id.isTextual()) {
            throw new IllegalArgumentException("Id must be a string, got " + JsonValues.type(id));
        }
        JsonNode statement = document.get("Statement");
        if (statement == null) {
            throw new IllegalArgumentException("the policy has no Statement");
        }
        List<Statement> statements = new ArrayList<>();
        if (statement.isObject()) {
            statements.add(statement(statement, "Statement"));
        } else if (statement.isArray()) {
            for (int i = 0; i < statement.size(); i++) {
                JsonNode element = statement.get(i);
                String where = "Statement[" + i + "]";
                if (!element.isObject()) {
                    throw new IllegalArgumentException(where + " must be an object, got " + JsonValues.type(element));
                }
                statements.add(statement(element, where));
            }
        } else {
            throw new IllegalArgumentException("Statement must be an object or an array of objects, got " + JsonValues.type(statement));
        }
        return statements;
    }

    private Statement statement(JsonNode statement, String where) {
        for (Map.Entry<String, JsonNode> element : statement.properties()) {
            String name = element.getKey();
            if (!STATEMENT_ELEMENTS.contains(name)) {
                throw new IllegalArgumentException(where + " has an unknown element \"" + name
                        + "\" (elements are case-sensitive: " + STATEMENT_ELEMENT_LIST + ")");
            }
        }
        JsonNode sid = statement.get("Sid");
        if (sid != null && !sid.isTextual()) {
            throw new IllegalArgumentException(where + ": Sid must be a string, got " + JsonValues.type(sid));
        }
        Effect effect = effect(statement.get("Effect"), where);

        String principalElement = oneOf(statement, "Principal", "NotPrincipal", where, kind == PolicyKind.RESOURCE_BASED,
                "; a resource policy statement names who it applies to");
        PrincipalMatcher principal = principalElement == null ? null
                : PrincipalMatcher.parse(statement.get(principalElement), where + ": " + principalElement);

        String actionElement = oneOf(statement, "Action", "NotAction", where, true, "");
        boolean anyActionMatches = false;
        for (String action : JsonValues.strings(statement.get(actionElement), where + ": " + actionElement)) {
            if (!action.equals("*") && action.indexOf(':') <= 0) {
                throw new IllegalArgumentException(where + ": " + actionElement + " \"" + action
                        + "\" is not service:action or *");
            }
            // Action names are case-insensitive (IAM User Guide, "IAM JSON policy elements: Action").
            anyActionMatches |= WildcardPattern.compile(action, WildcardPattern.Syntax.PLAIN, true).matches(INVOKE);
        }
        boolean appliesToInvoke = anyActionMatches == actionElement.equals("Action");

        String resourceElement = oneOf(statement, "Resource", "NotResource", where, true, "");
        List<WildcardPattern> resources = new ArrayList<>();
        for (String resource : JsonValues.strings(statement.get(resourceElement), where + ": " + resourceElement)) {
            resources.add(resource(resource, where + ": " + resourceElement));
        }

        List<Condition> conditions = statement.has("Condition")
                ? this.conditions.parse(statement.get("Condition"), where + ": Condition") : List.of();
        return new Statement(effect, principal, "NotPrincipal".equals(principalElement), appliesToInvoke, resources,
                resourceElement.equals("NotResource"), conditions);
    }

    private static Effect effect(JsonNode node, String where) {
        if (node == null) {
            throw new IllegalArgumentException(where + " has no Effect");
        }
        Effect effect = node.isTextual() ? Effect.parse(node.textValue()) : null;
        if (effect == null) {
            throw new IllegalArgumentException(where + ": Effect must be Allow or Deny, got " + JsonValues.shown(node));
        }
        return effect;
    }

    /** The one of two exclusive elements the statement has (Action/NotAction...), or null if neither and optional. */
    private static String oneOf(JsonNode statement, String positive, String negative, String where, boolean required,
                                String why) {
        boolean hasPositive = statement.has(positive);
        boolean hasNegative = statement.has(negative);
        if (hasPositive && hasNegative) {
            throw new IllegalArgumentException(where + " has both " + positive + " and " + negative);
        }
        if (!hasPositive && !hasNegative) {
            if (required) {
                throw new IllegalArgumentException(where + " has no " + positive + " or " + negative + why);
            }
            return null;
        }
        return hasPositive ? positive : negative;
    }

    private WildcardPattern resource(String resource, String where) {
        if (resource.isEmpty()) {
            throw new IllegalArgumentException(where + " has an empty string");
        }
        if (resource.length() > MAX_RESOURCE_LENGTH) {
            throw new IllegalArgumentException(where + " is " + resource.length() + " characters long; at most "
                    + MAX_RESOURCE_LENGTH + " are allowed");
        }
        if (kind == PolicyKind.RESOURCE_BASED && !resource.equals("*") && !resource.startsWith("arn:")) {
            throw new IllegalArgumentException(where + " \"" + resource
                    + "\" is not an ARN, execute-api:/{stage}/{VERB}/{path} or *");
        }
        return WildcardPattern.compile(resource, WildcardPattern.Syntax.ARN, false);
    }
}
