package dev.gwemu.auth.policy;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Date* and Numeric* condition values: the key's value read as a date or a number and compared with each
 * policy value; absent or unreadable values match nothing.
 */
final class OrderedMatcher<T extends Comparable<T>> implements ValueMatcher {
    private final Comparison comparison;
    private final List<T> values;
    private final BiFunction<ContextKey, RequestFacts, T> read;

    private OrderedMatcher(Comparison comparison, List<T> values, BiFunction<ContextKey, RequestFacts, T> read) {
        this.comparison = comparison;
        this.values = List.copyOf(values);
        this.read = read;
    }

    /** aws:CurrentTime, aws:EpochTime, or any key whose value reads as a date. */
    static OrderedMatcher<java.time.Instant> dates(Comparison comparison, List<java.time.Instant> values) {
        return new OrderedMatcher<>(comparison, values, ContextKey::instant);
    }

    /** aws:EpochTime, or any key whose value reads as a number. */
    static OrderedMatcher<java.math.BigDecimal> numbers(Comparison comparison, List<java.math.BigDecimal> values) {
        return new OrderedMatcher<>(comparison, values, ContextKey::number);
    }

    @Override
    public boolean matchesAny(ContextKey key, RequestFacts facts) {
        T value = read.apply(key, facts);
        if (value == null) {
            return false;
        }
        for (T policyValue : values) {
            if (comparison.holds(value.compareTo(policyValue))) {
                return true;
            }
        }
        return false;
    }
}
