package dev.gwemu.auth.policy;

/**
 * One operator-key pair of a Condition block with its values, e.g. {@code "IpAddress": {"aws:SourceIp": [...]}}.
 *
 * @param operator the operator
 * @param keyName  the key as written in the policy
 * @param key      the key gwemu fills, or {@link ContextKey#UNSUPPORTED}
 * @param values          the compiled values; null for the Null operator
 * @param nullWhenAbsent  Null only: the condition holds when the key is absent (a value {@code true})
 * @param nullWhenPresent Null only: the condition holds when the key is present (a value {@code false})
 */
record Condition(ConditionOperator operator, String keyName, ContextKey key, ValueMatcher values,
                 boolean nullWhenAbsent, boolean nullWhenPresent) {

    boolean holds(RequestFacts facts) {
        boolean present = key.text(facts) != null;
        if (operator.family() == ConditionOperator.Family.NULL) {
            return present ? nullWhenPresent : nullWhenAbsent;
        }
        if (!present) {
            return operator.whenKeyAbsent();
        }
        // Negated operators hold when the value matches none of the policy values (a NOR).
        return values.matchesAny(key, facts) != operator.negated();
    }
}
