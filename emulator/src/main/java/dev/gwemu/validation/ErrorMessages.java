package dev.gwemu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Words networknt's errors the way AWS words them in {@code $context.error.validationErrorString} (§7 [U]: only
 * {@code [object has missing required properties (["a","b"])]} is on record). AWS's wording is that of a Java draft-4
 * validator (the fge json-schema-validator family); this reproduces its sentence shapes for every draft-4 keyword:
 * one message per failed keyword (all missing required properties together, a failed allOf/anyOf/oneOf as one
 * message rather than its branches' errors), joined as {@code [first, second]}. Like that validator, which checks a
 * value's keywords before descending into its members, a value's messages come before those of its members
 * (members in networknt's order). A keyword not covered falls back to networknt's own message, prefixed with the
 * instance location.
 */
final class ErrorMessages {
    /** [U] AWS's limit, if any, is unknown; this keeps the string bounded. */
    static final int MAX_MESSAGES = 100;

    private ErrorMessages() {
    }

    static String format(List<Error> errors, String modelUrl, SchemaDocuments documents) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Error error : errors) {
            List<String> path = EvaluationPath.tokens(error.getEvaluationPath());
            List<String> instance = EvaluationPath.tokens(error.getInstanceLocation());
            EvaluationPath.Combinator combinator = EvaluationPath.outermostCombinator(path);
            // a combinator's message is about the value it applied to, above its branches' errors
            List<String> at = combinator == null
                    ? instance : instance.subList(0, Math.min(combinator.instanceDepth(), instance.size()));
            String key = combinator != null ? "combinator " + combinator.prefix() + " at " + at
                    : switch (error.getKeyword()) {
                        case "required", "additionalProperties", "additionalItems" ->
                                error.getKeyword() + " " + path + " at " + at;
                        case "dependencies" -> "dependencies " + path + " at " + at + " of " + error.getProperty();
                        default -> "error " + groups.size();
                    };
            groups.computeIfAbsent(key, k -> new Group(combinator, path, at)).errors.add(error);
        }
        InstanceNode root = new InstanceNode();
        groups.values().forEach(group -> root.add(group, 0));
        List<String> messages = new ArrayList<>();
        root.collect(messages, modelUrl, documents);
        return "[" + String.join(", ", messages) + "]";
    }

    /** Groups arranged by the instance location they are about, to list a value's messages before its members'. */
    private static final class InstanceNode {
        final List<Group> groups = new ArrayList<>();
        final Map<String, InstanceNode> members = new LinkedHashMap<>();

        void add(Group group, int depth) {
            if (depth == group.instance.size()) {
                groups.add(group);
            } else {
                members.computeIfAbsent(group.instance.get(depth), k -> new InstanceNode()).add(group, depth + 1);
            }
        }

        void collect(List<String> messages, String modelUrl, SchemaDocuments documents) {
            for (Group group : groups) {
                if (messages.size() == MAX_MESSAGES) {
                    return;
                }
                messages.add(group.message(modelUrl, documents));
            }
            for (InstanceNode member : members.values()) {
                member.collect(messages, modelUrl, documents);
            }
        }
    }

    /** Errors that AWS reports as one message. */
    private static final class Group {
        final EvaluationPath.Combinator combinator;
        final List<String> path;
        final List<String> instance;
        final List<Error> errors = new ArrayList<>();

        Group(EvaluationPath.Combinator combinator, List<String> path, List<String> instance) {
            this.combinator = combinator;
            this.path = path;
            this.instance = instance;
        }

        String message(String modelUrl, SchemaDocuments documents) {
            Error first = errors.get(0);
            String message = combinator != null
                    ? combinatorMessage(documents.walk(modelUrl, combinator.prefix()))
                    : keywordMessage(first, documents.walk(modelUrl, path.subList(0, Math.max(0, path.size() - 1))));
            return message != null ? message : fallback(first);
        }

        private String combinatorMessage(JsonNode keywordValue) {
            if (combinator.keyword().equals("not")) {
                return "instance matched a schema which it should not have";
            }
            if (keywordValue == null || !keywordValue.isArray()) {
                return null;
            }
            int branches = keywordValue.size();
            return switch (combinator.keyword()) {
                case "anyOf" -> "instance failed to match at least one required schema among " + branches;
                case "allOf" -> "instance failed to match all required schemas (matched only "
                        + (branches - failedBranches()) + " out of " + branches + ")";
                default -> "instance failed to match exactly one schema (matched " + oneOfMatches() + " out of "
                        + branches + ")";
            };
        }

        private int failedBranches() {
            Set<String> failed = new TreeSet<>();
            for (Error error : errors) {
                List<String> tokens = EvaluationPath.tokens(error.getEvaluationPath());
                int at = combinator.prefix().size();
                if (at < tokens.size()) {
                    failed.add(tokens.get(at));
                }
            }
            return failed.size();
        }

        /** networknt's own oneOf error carries the number of branches that matched as its first argument. */
        private int oneOfMatches() {
            for (Error error : errors) {
                Object[] arguments = error.getArguments();
                if ("oneOf".equals(error.getKeyword()) && arguments != null && arguments.length > 0) {
                    try {
                        return Integer.parseInt(String.valueOf(arguments[0]));
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
            return 0;
        }

        /** AWS's sentence for one failed keyword; null when this keyword has none here. */
        private String keywordMessage(Error error, JsonNode schema) {
            JsonNode instance = error.getInstanceNode();
            JsonNode value = error.getSchemaNode();
            if (instance == null || value == null) {
                return null;
            }
            return switch (error.getKeyword()) {
                case "type" -> "instance type (" + typeOf(instance) + ") does not match any allowed primitive type "
                        + "(allowed: " + allowedTypes(value) + ")";
                case "enum" -> "instance value (" + instance + ") not found in enum (possible values: " + value + ")";
                case "required" -> "object has missing required properties (" + properties() + ")";
                case "additionalProperties" ->
                        "object instance has properties which are not allowed by the schema: " + properties();
                case "dependencies" -> dependencies(instance, value, error.getProperty());
                case "minLength" -> "string \"" + instance.asText() + "\" is too short (length: " + length(instance)
                        + ", required minimum: " + value + ")";
                case "maxLength" -> "string \"" + instance.asText() + "\" is too long (length: " + length(instance)
                        + ", maximum allowed: " + value + ")";
                case "pattern" -> "ECMA 262 regex \"" + value.asText() + "\" does not match input string \""
                        + instance.asText() + "\"";
                case "minimum" -> exclusiveAndEqual(schema, "exclusiveMinimum", instance, value)
                        ? "numeric instance is not strictly greater than the required minimum " + value
                        : "numeric instance is lower than the required minimum (minimum: " + value + ", found: "
                                + instance + ")";
                case "maximum" -> exclusiveAndEqual(schema, "exclusiveMaximum", instance, value)
                        ? "numeric instance is not strictly lower than the required maximum " + value
                        : "numeric instance is greater than the required maximum (maximum: " + value + ", found: "
                                + instance + ")";
                case "multipleOf" -> "remainder of division is not zero (" + instance + " / " + value + ")";
                case "minItems" -> "array is too short: must have at least " + value + " elements but instance has "
                        + instance.size() + " elements";
                case "maxItems" -> "array is too long: must have at most " + value + " elements but instance has "
                        + instance.size() + " elements";
                case "uniqueItems" -> "array must not contain duplicate elements";
                case "additionalItems" -> schema == null || !schema.path("items").isArray() ? null
                        : "schema only allows " + schema.get("items").size() + " elements in array but instance has "
                                + instance.size() + " elements";
                case "minProperties" -> "object has too few properties (found " + instance.size()
                        + " but schema requires at least " + value + ")";
                case "maxProperties" -> "object has too many properties (found " + instance.size()
                        + " but schema requires at most " + value + ")";
                case "format" -> format(value.asText(), instance.asText());
                default -> null;
            };
        }

        /** The property names the group's errors are about, as a JSON array. */
        private String properties() {
            Set<String> names = new LinkedHashSet<>();
            for (Error error : errors) {
                if (error.getProperty() != null) {
                    names.add(error.getProperty());
                }
            }
            return jsonArray(names);
        }
    }

    private static String dependencies(JsonNode instance, JsonNode dependencies, String property) {
        JsonNode required = property == null ? null : dependencies.get(property);
        if (required == null || !required.isArray()) {
            return null;
        }
        Set<String> missing = new LinkedHashSet<>();
        for (JsonNode name : required) {
            if (!instance.has(name.asText())) {
                missing.add(name.asText());
            }
        }
        return "property \"" + property + "\" of object has missing property dependencies (schema requires "
                + required + "; missing: " + jsonArray(missing) + ")";
    }

    private static String format(String format, String instance) {
        return switch (format) {
            case "date-time" -> "string \"" + instance + "\" is invalid against requested date format(s) "
                    + "[yyyy-MM-dd'T'HH:mm:ssZ, yyyy-MM-dd'T'HH:mm:ss.[0-9]{1,12}Z]";
            case "email" -> "string \"" + instance + "\" is not a valid email address";
            case "hostname" -> "string \"" + instance + "\" is not a valid hostname";
            case "ipv4" -> "string \"" + instance + "\" is not a valid IPv4 address";
            case "ipv6" -> "string \"" + instance + "\" is not a valid IPv6 address";
            case "uri" -> "string \"" + instance + "\" is not a valid URI";
            case "regex" -> "string \"" + instance + "\" is not a valid ECMA 262 regular expression";
            case "uuid" -> "input string \"" + instance + "\" is not a valid UUID";
            default -> "string \"" + instance + "\" is invalid against requested format \"" + format + "\"";
        };
    }

    private static boolean exclusiveAndEqual(JsonNode schema, String flag, JsonNode instance, JsonNode limit) {
        return schema != null && schema.path(flag).asBoolean(false) && instance.isNumber() && limit.isNumber()
                && instance.decimalValue().compareTo(limit.decimalValue()) == 0;
    }

    private static String typeOf(JsonNode instance) {
        if (instance.isIntegralNumber()) {
            return "integer";
        }
        return instance.isNumber() ? "number" : instance.getNodeType().toString().toLowerCase();
    }

    private static String allowedTypes(JsonNode type) {
        Set<String> allowed = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> allowed.add(t.asText()));
        } else {
            allowed.add(type.asText());
        }
        return jsonArray(allowed);
    }

    private static int length(JsonNode text) {
        String s = text.asText();
        return s.codePointCount(0, s.length());
    }

    private static String jsonArray(Iterable<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    private static String fallback(Error error) {
        String at = error.getInstanceLocation().toString();
        return at.isEmpty() ? error.getMessage() : at + ": " + error.getMessage();
    }
}
