package dev.gwemu.auth.policy;

/**
 * An IAM wildcard pattern: {@code *} any sequence, {@code ?} any one character, everything else literal
 * (a dot is a dot). Compiled once; {@link #matches} simulates the pattern's automaton over the text, so the
 * cost is at most text length times pattern length whatever the pattern: a hostile {@code *a*a*a*b} cannot
 * make a request backtrack.
 */
final class WildcardPattern {
    /** How the wildcards read. */
    enum Syntax {
        /** {@code *} and {@code ?} match any characters (StringLike, Action with case folded). */
        PLAIN,
        /**
         * An ARN (Resource, NotResource, ArnLike): in the first five colon-separated segments a wildcard stays
         * inside its segment unless a {@code *} is the segment's last character, which may expand across colons;
         * in the resource part (after the fifth colon) {@code *} crosses anything, {@code /} included.
         * IAM User Guide, "IAM JSON policy elements: Resource", using wildcards in resource ARNs [doc].
         */
        ARN
    }

    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte ONE_IN_SEGMENT = 2;
    private static final byte STAR = 3;
    private static final byte STAR_IN_SEGMENT = 4;
    /** Colons before an ARN's resource part: arn:partition:service:region:account:resource. */
    private static final int ARN_SEGMENT_COLONS = 5;

    private final String source;
    private final boolean ignoreCase;
    private final byte[] kinds;
    private final char[] literals;
    /** Leading literal characters: checked with one regionMatches before the automaton starts after them. */
    private final int literalPrefix;
    /** Trailing literal characters after the last wildcard: a cheap early rejection. */
    private final int literalSuffix;
    /** The pattern is a literal prefix and one crossing star ({@code arn:...:abc123/*}): a startsWith. */
    private final boolean prefixThenStar;

    private WildcardPattern(String source, boolean ignoreCase, byte[] kinds, char[] literals) {
        this.source = source;
        this.ignoreCase = ignoreCase;
        this.kinds = kinds;
        this.literals = literals;
        int prefix = 0;
        while (prefix < kinds.length && kinds[prefix] == LITERAL) {
            prefix++;
        }
        this.literalPrefix = prefix;
        int suffix = 0;
        while (suffix < kinds.length - prefix && kinds[kinds.length - 1 - suffix] == LITERAL) {
            suffix++;
        }
        this.literalSuffix = suffix;
        this.prefixThenStar = prefix == kinds.length - 1 && kinds[prefix] == STAR;
    }

    static WildcardPattern compile(String pattern, Syntax syntax, boolean ignoreCase) {
        byte[] kinds = new byte[pattern.length()];
        char[] literals = new char[pattern.length()];
        int n = 0;
        int colons = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean inSegment = syntax == Syntax.ARN && colons < ARN_SEGMENT_COLONS;
            byte kind;
            if (c == '*') {
                boolean segmentEnds = i + 1 == pattern.length() || pattern.charAt(i + 1) == ':';
                kind = inSegment && !segmentEnds ? STAR_IN_SEGMENT : STAR;
                if (n > 0 && isStar(kinds[n - 1])) {
                    // "**" is one star, the wider of the two.
                    if (kind == STAR) {
                        kinds[n - 1] = STAR;
                    }
                    continue;
                }
            } else if (c == '?') {
                kind = inSegment ? ONE_IN_SEGMENT : ONE;
            } else {
                kind = LITERAL;
                literals[n] = ignoreCase ? Character.toLowerCase(c) : c;
                if (c == ':') {
                    colons++;
                }
            }
            kinds[n++] = kind;
        }
        return new WildcardPattern(pattern, ignoreCase, java.util.Arrays.copyOf(kinds, n),
                java.util.Arrays.copyOf(literals, n));
    }

    boolean matches(String text) {
        int m = kinds.length;
        if (literalPrefix == m) {
            return ignoreCase ? text.equalsIgnoreCase(source) : text.equals(source);
        }
        if (!text.regionMatches(ignoreCase, 0, source, 0, literalPrefix)) {
            return false;
        }
        if (prefixThenStar) {
            return true;
        }
        if (text.length() - literalSuffix < literalPrefix
                || !text.regionMatches(ignoreCase, text.length() - literalSuffix, source, source.length() - literalSuffix,
                literalSuffix)) {
            return false;
        }
        boolean[] current = new boolean[m + 1];
        boolean[] next = new boolean[m + 1];
        current[literalPrefix] = true;
        followStars(current);
        for (int t = literalPrefix; t < text.length(); t++) {
            char c = ignoreCase ? Character.toLowerCase(text.charAt(t)) : text.charAt(t);
            java.util.Arrays.fill(next, literalPrefix, m + 1, false);
            boolean alive = false;
            // States inside the literal prefix are left behind once it has matched.
            for (int i = literalPrefix; i < m; i++) {
                if (!current[i]) {
                    continue;
                }
                switch (kinds[i]) {
                    case STAR -> {
                        next[i] = true;
                        alive = true;
                    }
                    case STAR_IN_SEGMENT -> {
                        if (c != ':') {
                            next[i] = true;
                            alive = true;
                        }
                    }
                    case ONE -> {
                        next[i + 1] = true;
                        alive = true;
                    }
                    case ONE_IN_SEGMENT -> {
                        if (c != ':') {
                            next[i + 1] = true;
                            alive = true;
                        }
                    }
                    default -> {
                        if (literals[i] == c) {
                            next[i + 1] = true;
                            alive = true;
                        }
                    }
                }
            }
            if (!alive) {
                return false;
            }
            followStars(next);
            boolean[] swap = current;
            current = next;
            next = swap;
        }
        return current[m];
    }

    /** A star may match nothing: whoever stands before one also stands after it. */
    private void followStars(boolean[] states) {
        for (int i = literalPrefix; i < kinds.length; i++) {
            if (states[i] && isStar(kinds[i])) {
                states[i + 1] = true;
            }
        }
    }

    private static boolean isStar(byte kind) {
        return kind == STAR || kind == STAR_IN_SEGMENT;
    }

    @Override
    public String toString() {
        return source;
    }
}
