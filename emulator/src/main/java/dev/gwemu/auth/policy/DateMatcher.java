package dev.gwemu.auth.policy;

import java.time.Instant;
import java.util.List;

/** Date* condition values (aws:CurrentTime, aws:EpochTime, or any key whose value reads as a date). */
final class DateMatcher implements ValueMatcher {
    private final Comparison comparison;
    private final List<Instant> values;

    DateMatcher(Comparison comparison, List<Instant> values) {
        this.comparison = comparison;
        this.values = List.copyOf(values);
    }

    @Override
    public boolean matchesAny(ContextKey key, RequestFacts facts) {
        Instant value = key.instant(facts);
        if (value == null) {
            return false;
        }
        for (Instant policyValue : values) {
            if (comparison.holds(value.compareTo(policyValue))) {
                return true;
            }
        }
        return false;
    }
}
