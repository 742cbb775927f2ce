package dev.gwemu.auth.policy;

import java.math.BigDecimal;
import java.util.List;

/** Numeric* condition values (aws:EpochTime, or any key whose value reads as a number). */
final class NumericMatcher implements ValueMatcher {
    private final Comparison comparison;
    private final List<BigDecimal> values;

    NumericMatcher(Comparison comparison, List<BigDecimal> values) {
        this.comparison = comparison;
        this.values = List.copyOf(values);
    }

    @Override
    public boolean matchesAny(ContextKey key, RequestFacts facts) {
        BigDecimal value = key.number(facts);
        if (value == null) {
            return false;
        }
        for (BigDecimal policyValue : values) {
            if (comparison.holds(value.compareTo(policyValue))) {
                return true;
            }
        }
        return false;
    }
}
