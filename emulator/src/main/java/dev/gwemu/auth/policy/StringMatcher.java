package dev.gwemu.auth.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** String*, and Arn* (an ARN is compared as text with ARN wildcards), condition values. */
final class StringMatcher implements ValueMatcher {
    private final Set<String> exact;
    private final boolean ignoreCase;
    private final List<WildcardPattern> patterns;

    private StringMatcher(Set<String> exact, boolean ignoreCase, List<WildcardPattern> patterns) {
        this.exact = exact;
        this.ignoreCase = ignoreCase;
        this.patterns = patterns;
    }

    /** StringEquals: case-sensitive, no wildcards. */
    static StringMatcher equalTo(List<String> values) {
        return new StringMatcher(Set.copyOf(values), false, null);
    }

    /** StringEqualsIgnoreCase. */
    static StringMatcher equalToIgnoringCase(List<String> values) {
        return new StringMatcher(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()),
                true, null);
    }

    /** StringLike ({@code PLAIN}) or ArnLike / ArnEquals ({@code ARN}): case-sensitive, with wildcards. */
    static StringMatcher like(List<String> values, WildcardPattern.Syntax syntax) {
        return new StringMatcher(null, false, values.stream().map(v -> WildcardPattern.compile(v, syntax, false)).toList());
    }

    @Override
    public boolean matchesAny(ContextKey key, RequestFacts facts) {
        String value = key.text(facts);
        if (patterns == null) {
            return exact.contains(ignoreCase ? value.toLowerCase(Locale.ROOT) : value);
        }
        for (WildcardPattern pattern : patterns) {
            if (pattern.matches(value)) {
                return true;
            }
        }
        return false;
    }
}
