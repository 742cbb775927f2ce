package dev.gwemu.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private final PolicyKind kind;
    private final Set<String> unsupportedKeys = new TreeSet<>();

    private PolicyParser(PolicyKind kind) {
        this.kind = kind;
    }

    static PolicyDocument parse(JsonNode document, PolicyKind kind) {
        PolicyParser parser = new PolicyParser(kind);
        List<Statement> statements = parser.document(document);
        return new PolicyDocument(statements, parser.unsupportedKeys);
    }

    private List<Statement> document(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("a policy must be a JSON object, got " + type(document));
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
            throw new IllegalArgumentException("Version must be \"2012-10-17\" or \"2008-10-17\", got " + shown(version));
        }
        JsonNode id = document.get("Id");
        if (id != null && !id.isTextual()) {
            throw new IllegalArgumentException("Id must be a string, got " + type(id));
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
                    throw new IllegalArgumentException(where + " must be an object, got " + type(element));
                }
                statements.add(statement(element, where));
            }
        } else {
            throw new IllegalArgumentException("Statement must be an object or an array of objects, got " + type(statement));
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
            throw new IllegalArgumentException(where + ": Sid must be a string, got " + type(sid));
        }
        Effect effect = effect(statement.get("Effect"), where);

        String principalElement = oneOf(statement, "Principal", "NotPrincipal", where, kind == PolicyKind.RESOURCE_BASED,
                "; a resource policy statement names who it applies to");
        PrincipalMatcher principal = principalElement == null ? null
                : principal(statement.get(principalElement), where + ": " + principalElement);

        String actionElement = oneOf(statement, "Action", "NotAction", where, true, "");
        boolean anyActionMatches = false;
        for (String action : strings(statement.get(actionElement), where + ": " + actionElement)) {
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
        for (String resource : strings(statement.get(resourceElement), where + ": " + resourceElement)) {
            resources.add(resource(resource, where + ": " + resourceElement));
        }

        List<Condition> conditions = statement.has("Condition")
                ? conditions(statement.get("Condition"), where + ": Condition") : List.of();
        return new Statement(effect, principal, "NotPrincipal".equals(principalElement), appliesToInvoke, resources,
                resourceElement.equals("NotResource"), conditions);
    }

    private static Effect effect(JsonNode node, String where) {
        if (node == null) {
            throw new IllegalArgumentException(where + " has no Effect");
        }
        Effect effect = node.isTextual() ? Effect.parse(node.textValue()) : null;
        if (effect == null) {
            throw new IllegalArgumentException(where + ": Effect must be Allow or Deny, got " + shown(node));
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

    private static PrincipalMatcher principal(JsonNode node, String where) {
        if (node.isTextual() && node.textValue().equals("*")) {
            return PrincipalMatcher.EVERYONE;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException(where + " must be \"*\" or an object such as {\"AWS\": [...]}, got "
                    + shown(node));
        }
        Set<String> accounts = new HashSet<>();
        Set<String> arns = new HashSet<>();
        Set<String> roles = new HashSet<>();
        boolean everyAwsPrincipal = false;
        for (Map.Entry<String, JsonNode> type : node.properties()) {
            if (!PRINCIPAL_TYPES.contains(type.getKey())) {
                throw new IllegalArgumentException(where + " has an unknown principal type \"" + type.getKey()
                        + "\" (AWS, Service, Federated or CanonicalUser)");
            }
            List<String> values = strings(type.getValue(), where + "." + type.getKey());
            if (!type.getKey().equals("AWS")) {
                // Service, web-identity and S3 canonical principals never call an API through gwemu.
                continue;
            }
            for (String value : values) {
                if (value.equals("*")) {
                    everyAwsPrincipal = true;
                } else {
                    awsPrincipal(value, where + ".AWS", accounts, arns, roles);
                }
            }
        }
        return everyAwsPrincipal ? PrincipalMatcher.everyAwsPrincipal()
                : new PrincipalMatcher(false, false, accounts, arns, roles);
    }

    private static void awsPrincipal(String value, String where, Set<String> accounts, Set<String> arns,
                                     Set<String> roles) {
        if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            throw new IllegalArgumentException(where + " \"" + value
                    + "\" has a wildcard; a principal is \"*\" alone or a whole account id or ARN");
        }
        if (isAccountId(value)) {
            accounts.add(value);
            return;
        }
        String[] parts = value.split(":", 6);
        boolean iamArn = parts.length == 6 && parts[0].equals("arn") && (parts[2].equals("iam") || parts[2].equals("sts"))
                && isAccountId(parts[4]) && !parts[5].isEmpty();
        if (!iamArn) {
            throw new IllegalArgumentException(where + " \"" + value
                    + "\" is not an account id, an IAM or STS ARN, or *");
        }
        String account = parts[4];
        String resource = parts[5];
        if (parts[2].equals("iam") && resource.equals("root")) {
            accounts.add(account);
        } else if (parts[2].equals("iam") && resource.startsWith("role/")) {
            roles.add(account + "/" + resource.substring(resource.lastIndexOf('/') + 1));
        } else {
            arns.add(value);
        }
    }

    private static boolean isAccountId(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private List<Condition> conditions(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object, got " + type(node));
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            ConditionOperator operator;
            try {
                operator = ConditionOperator.parse(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            String operatorWhere = where + "." + entry.getKey();
            JsonNode keys = entry.getValue();
            if (!keys.isObject() || keys.isEmpty()) {
                throw new IllegalArgumentException(operatorWhere + " must be an object of condition keys to values, got "
                        + shown(keys));
            }
            for (Map.Entry<String, JsonNode> pair : keys.properties()) {
                conditions.add(condition(operator, pair.getKey(), pair.getValue(), operatorWhere));
            }
        }
        return conditions;
    }

    private Condition condition(ConditionOperator operator, String keyName, JsonNode valueNode, String where) {
        if (keyName.isEmpty()) {
            throw new IllegalArgumentException(where + " has an empty condition key");
        }
        ContextKey key = ContextKey.named(keyName);
        if (key == ContextKey.UNSUPPORTED) {
            unsupportedKeys.add(keyName);
        }
        String keyWhere = where + "." + keyName;
        List<String> values = scalars(valueNode, keyWhere);
        return switch (operator.family()) {
            case STRING_EQUALS -> new Condition(operator, keyName, key, StringMatcher.equalTo(values), false, false);
            case STRING_EQUALS_IGNORE_CASE ->
                    new Condition(operator, keyName, key, StringMatcher.equalToIgnoringCase(values), false, false);
            case STRING_LIKE -> new Condition(operator, keyName, key,
                    StringMatcher.like(values, WildcardPattern.Syntax.PLAIN), false, false);
            case ARN -> new Condition(operator, keyName, key,
                    StringMatcher.like(values, WildcardPattern.Syntax.ARN), false, false);
            case NUMERIC -> new Condition(operator, keyName, key,
                    new NumericMatcher(operator.comparison(), numbers(values, keyWhere)), false, false);
            case DATE -> new Condition(operator, keyName, key,
                    new DateMatcher(operator.comparison(), dates(values, keyWhere)), false, false);
            case BOOL -> {
                List<Boolean> booleans = booleans(values, keyWhere);
                yield new Condition(operator, keyName, key, new BoolMatcher(booleans.contains(true), booleans.contains(false)),
                        false, false);
            }
            case IP_ADDRESS -> new Condition(operator, keyName, key, new IpAddressMatcher(ranges(values, keyWhere)),
                    false, false);
            case NULL -> {
                List<Boolean> booleans = booleans(values, keyWhere);
                yield new Condition(operator, keyName, key, null, booleans.contains(true), booleans.contains(false));
            }
        };
    }

    private static List<BigDecimal> numbers(List<String> values, String where) {
        List<BigDecimal> out = new ArrayList<>();
        for (String value : values) {
            BigDecimal number = PolicyNumbers.parse(value);
            if (number == null) {
                throw new IllegalArgumentException(where + " value \"" + value + "\" is not a number");
            }
            out.add(number);
        }
        return out;
    }

    private static List<Instant> dates(List<String> values, String where) {
        List<Instant> out = new ArrayList<>();
        for (String value : values) {
            Instant date = PolicyDates.parse(value);
            if (date == null) {
                throw new IllegalArgumentException(where + " value \"" + value
                        + "\" is not an ISO 8601 date or epoch seconds");
            }
            out.add(date);
        }
        return out;
    }

    private static List<Boolean> booleans(List<String> values, String where) {
        List<Boolean> out = new ArrayList<>();
        for (String value : values) {
            if (value.equalsIgnoreCase("true")) {
                out.add(true);
            } else if (value.equalsIgnoreCase("false")) {
                out.add(false);
            } else {
                throw new IllegalArgumentException(where + " value \"" + value + "\" is not true or false");
            }
        }
        return out;
    }

    private static List<IpRange> ranges(List<String> values, String where) {
        List<IpRange> out = new ArrayList<>();
        for (String value : values) {
            IpRange range = IpRange.parse(value);
            if (range == null) {
                throw new IllegalArgumentException(where + " value \"" + value + "\" is not an IP address or CIDR block");
            }
            out.add(range);
        }
        return out;
    }

    /** A string, or a non-empty array of strings (Action, Resource, Principal values). */
    private static List<String> strings(JsonNode node, String where) {
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be a string or an array of strings, got " + type(node));
        }
        if (node.isEmpty()) {
            throw new IllegalArgumentException(where + " is an empty array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new IllegalArgumentException(where + "[" + i + "] must be a string, got " + type(node.get(i)));
            }
            out.add(node.get(i).textValue());
        }
        return out;
    }

    /** Condition values: a string, number or boolean, or a non-empty array of them, read as their text. */
    private static List<String> scalars(JsonNode node, String where) {
        if (isScalar(node)) {
            return List.of(scalarText(node));
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + " must be a string, number or boolean, or an array of them, got "
                    + type(node));
        }
        if (node.isEmpty()) {
            throw new IllegalArgumentException(where + " is an empty array");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!isScalar(node.get(i))) {
                throw new IllegalArgumentException(where + "[" + i + "] must be a string, number or boolean, got "
                        + type(node.get(i)));
            }
            out.add(scalarText(node.get(i)));
        }
        return out;
    }

    /** A JSON number as written in decimal: 1795640777.5, not the 1.7956407775E9 a double prints. */
    private static String scalarText(JsonNode node) {
        if (!node.isNumber()) {
            return node.asText();
        }
        return node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.decimalValue().toPlainString();
    }

    private static boolean isScalar(JsonNode node) {
        return node.isTextual() || node.isNumber() || node.isBoolean();
    }

    /** A JSON value's type for messages: string, number, boolean, array, object or null. */
    static String type(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isArray() ? "array" : node.isObject() ? "object" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A string value quoted, any other value by its type. */
    private static String shown(JsonNode node) {
        return node != null && node.isTextual() ? "\"" + node.textValue() + "\"" : type(node);
    }
}
