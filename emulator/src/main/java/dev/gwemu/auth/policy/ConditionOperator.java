package dev.gwemu.auth.policy;

import java.util.Map;

/**
 * A condition operator as written in a policy: {@code [ForAnyValue:|ForAllValues:]Name[IfExists]}
 * (IAM User Guide, "IAM JSON policy elements: Condition operators").
 *
 * @param name       as written
 * @param family     how values compare
 * @param comparison for Numeric and Date operators, else null
 * @param negated    a Not- operator (StringNotEquals, NotIpAddress...): holds when no value matches
 * @param ifExists   the IfExists suffix: holds when the key is absent
 * @param qualifier  the set operator prefix, or null
 */
record ConditionOperator(String name, Family family, Comparison comparison, boolean negated, boolean ifExists,
                         SetQualifier qualifier) {

    enum Family { STRING_EQUALS, STRING_EQUALS_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, IP_ADDRESS, ARN, NULL }

    /**
     * Set operators for multivalued keys. Every key gwemu fills has one value, treated as a one-element set; they
     * differ only for an absent key (ForAllValues holds, ForAnyValue does not).
     */
    enum SetQualifier { FOR_ANY_VALUE, FOR_ALL_VALUES }

    private record Base(Family family, Comparison comparison, boolean negated) {
    }

    private static final String FOR_ANY_VALUE = "ForAnyValue:";
    private static final String FOR_ALL_VALUES = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    private static final Map<String, Base> BASES = Map.ofEntries(
            Map.entry("StringEquals", new Base(Family.STRING_EQUALS, null, false)),
            Map.entry("StringNotEquals", new Base(Family.STRING_EQUALS, null, true)),
            Map.entry("StringEqualsIgnoreCase", new Base(Family.STRING_EQUALS_IGNORE_CASE, null, false)),
            Map.entry("StringNotEqualsIgnoreCase", new Base(Family.STRING_EQUALS_IGNORE_CASE, null, true)),
            Map.entry("StringLike", new Base(Family.STRING_LIKE, null, false)),
            Map.entry("StringNotLike", new Base(Family.STRING_LIKE, null, true)),
            Map.entry("NumericEquals", new Base(Family.NUMERIC, Comparison.EQUALS, false)),
            Map.entry("NumericNotEquals", new Base(Family.NUMERIC, Comparison.EQUALS, true)),
            Map.entry("NumericLessThan", new Base(Family.NUMERIC, Comparison.LESS_THAN, false)),
            Map.entry("NumericLessThanEquals", new Base(Family.NUMERIC, Comparison.LESS_THAN_EQUALS, false)),
            Map.entry("NumericGreaterThan", new Base(Family.NUMERIC, Comparison.GREATER_THAN, false)),
            Map.entry("NumericGreaterThanEquals", new Base(Family.NUMERIC, Comparison.GREATER_THAN_EQUALS, false)),
            Map.entry("DateEquals", new Base(Family.DATE, Comparison.EQUALS, false)),
            Map.entry("DateNotEquals", new Base(Family.DATE, Comparison.EQUALS, true)),
            Map.entry("DateLessThan", new Base(Family.DATE, Comparison.LESS_THAN, false)),
            Map.entry("DateLessThanEquals", new Base(Family.DATE, Comparison.LESS_THAN_EQUALS, false)),
            Map.entry("DateGreaterThan", new Base(Family.DATE, Comparison.GREATER_THAN, false)),
            Map.entry("DateGreaterThanEquals", new Base(Family.DATE, Comparison.GREATER_THAN_EQUALS, false)),
            Map.entry("Bool", new Base(Family.BOOL, null, false)),
            Map.entry("IpAddress", new Base(Family.IP_ADDRESS, null, false)),
            Map.entry("NotIpAddress", new Base(Family.IP_ADDRESS, null, true)),
            Map.entry("ArnEquals", new Base(Family.ARN, null, false)),
            Map.entry("ArnLike", new Base(Family.ARN, null, false)),
            Map.entry("ArnNotEquals", new Base(Family.ARN, null, true)),
            Map.entry("ArnNotLike", new Base(Family.ARN, null, true)),
            Map.entry("Null", new Base(Family.NULL, null, false)));

    /**
     * Operator names are case-sensitive, as IAM writes them.
     *
     * @throws IllegalArgumentException for a name IAM does not define, or one gwemu does not evaluate (BinaryEquals)
     */
    static ConditionOperator parse(String name) {
        String rest = name;
        SetQualifier qualifier = null;
        if (rest.startsWith(FOR_ANY_VALUE)) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring(FOR_ANY_VALUE.length());
        } else if (rest.startsWith(FOR_ALL_VALUES)) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring(FOR_ALL_VALUES.length());
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        if (ifExists) {
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        if (rest.equals("BinaryEquals")) {
            throw new IllegalArgumentException("condition operator \"" + name + "\" is not supported by gwemu");
        }
        Base base = BASES.get(rest);
        if (base == null) {
            throw new IllegalArgumentException("unknown condition operator \"" + name + "\"");
        }
        if (base.family() == Family.NULL && (ifExists || qualifier != null)) {
            throw new IllegalArgumentException("condition operator \"" + name
                    + "\": Null takes neither IfExists nor ForAnyValue/ForAllValues");
        }
        return new ConditionOperator(name, base.family(), base.comparison(), base.negated(), ifExists, qualifier);
    }

    /**
     * The outcome when the request has no value for the key. IfExists: true. ForAllValues: true, ForAnyValue: false
     * (an empty set). Otherwise false, except that a negated operator (StringNotEquals, NotIpAddress...) is true:
     * IAM User Guide, "IAM JSON policy elements: Condition operators", the note on keys absent from the request
     * context ("If the policy condition requires that the key is not matched, such as StringNotLike or
     * ArnNotLike, and the right key is not present, the condition is true").
     */
    boolean whenKeyAbsent() {
        if (ifExists) {
            return true;
        }
        if (qualifier != null) {
            return qualifier == SetQualifier.FOR_ALL_VALUES;
        }
        return negated;
    }
}
