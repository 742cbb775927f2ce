package dev.gwemu.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a statement's Condition block, {@code {"Operator": {"key": value-or-values, ...}, ...}}, into conditions
 * compiled for their operator family (IAM User Guide, "IAM JSON policy elements: Condition operators").
 */
final class ConditionBlockParser {
    private final Set<String> unsupportedKeys = new TreeSet<>();

    /** Keys the blocks read so far test that gwemu never fills, as written. */
    Set<String> unsupportedKeys() {
        return unsupportedKeys;
    }

    List<Condition> parse(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object, got " + JsonValues.type(node));
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
                        + JsonValues.shown(keys));
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
        List<String> values = JsonValues.scalars(valueNode, keyWhere);
        if (operator.family() == ConditionOperator.Family.NULL) {
            List<Boolean> booleans = booleans(values, keyWhere);
            return new Condition(operator, keyName, key, null, booleans.contains(true), booleans.contains(false));
        }
        ValueMatcher matcher = switch (operator.family()) {
            case STRING_EQUALS -> StringMatcher.equalTo(values);
            case STRING_EQUALS_IGNORE_CASE -> StringMatcher.equalToIgnoringCase(values);
            case STRING_LIKE -> StringMatcher.like(values, WildcardPattern.Syntax.PLAIN);
            case ARN -> StringMatcher.like(values, WildcardPattern.Syntax.ARN);
            case NUMERIC -> OrderedMatcher.numbers(operator.comparison(), numbers(values, keyWhere));
            case DATE -> OrderedMatcher.dates(operator.comparison(), dates(values, keyWhere));
            case BOOL -> {
                List<Boolean> booleans = booleans(values, keyWhere);
                yield new BoolMatcher(booleans.contains(true), booleans.contains(false));
            }
            case IP_ADDRESS -> new IpAddressMatcher(ranges(values, keyWhere));
            case NULL -> throw new IllegalStateException("Null is read above");
        };
        return new Condition(operator, keyName, key, matcher, false, false);
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
}
