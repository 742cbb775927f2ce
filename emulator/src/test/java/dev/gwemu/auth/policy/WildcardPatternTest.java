package dev.gwemu.auth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwemu.auth.policy.WildcardPattern.Syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

/** Resource wildcards (security-and-operations.md §3.3: {@code *} crosses slashes, {@code ?} is one character). */
class WildcardPatternTest {
    private static final String A = "arn:aws:execute-api:us-east-1:123456789012:abc123/";

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // * crosses slashes, matches the empty string
            A + "*                 | " + A + "dev/GET/pets/7/toys | true",
            A + "*/GET/*           | " + A + "dev/GET/pets/7       | true",
            A + "*/GET/*           | " + A + "dev/POST/pets        | false",
            A + "*/GET/*           | " + A + "dev/GET/             | true",
            A + "dev/*             | " + A + "dev/                 | true",
            A + "dev/*             | " + A + "dev                  | false",
            // the root resource is an empty path after the verb
            A + "dev/GET/          | " + A + "dev/GET/             | true",
            A + "dev/GET/          | " + A + "dev/GET/pets         | false",
            A + "dev/GET           | " + A + "dev/GET/             | false",
            // ? is exactly one character, any character
            A + "dev/GET/pets/?    | " + A + "dev/GET/pets/7       | true",
            A + "dev/GET/pets/?    | " + A + "dev/GET/pets/42      | false",
            A + "dev/GET/pets/?    | " + A + "dev/GET/pets/        | false",
            A + "dev/GET/pets?7    | " + A + "dev/GET/pets/7       | true",
            A + "dev/???/pets      | " + A + "dev/PUT/pets         | true",
            A + "dev/???/pets      | " + A + "dev/POST/pets        | false",
            // a dot is a literal dot
            A + "dev/GET/a.b       | " + A + "dev/GET/a.b          | true",
            A + "dev/GET/a.b       | " + A + "dev/GET/axb          | false",
            A + "dev/GET/a.*       | " + A + "dev/GET/a.json       | true",
            // everything before the resource part must agree
            A + "dev/GET/pets      | arn:aws:execute-api:us-east-2:123456789012:abc123/dev/GET/pets | false",
            A + "dev/GET/pets      | arn:aws:execute-api:us-east-1:123456789013:abc123/dev/GET/pets | false",
            A + "dev/GET/pets      | arn:aws:execute-api:us-east-1:123456789012:abc124/dev/GET/pets | false",
            A + "dev/GET/pets      | arn:aws-cn:execute-api:us-east-1:123456789012:abc123/dev/GET/pets | false",
            A + "dev/GET/pets      | arn:aws:execute-apis:us-east-1:123456789012:abc123/dev/GET/pets | false",
            A + "dev/GET/pets      | " + A + "dev/GET/pets/       | false",
            // case matters in ARNs
            A + "dev/GET/Pets      | " + A + "dev/GET/pets         | false",
            "arn:aws:execute-api:us-east-1:123456789012:ABC123/* | " + A + "dev/GET/pets | false",
            // wildcards in the leading segments
            "arn:aws:execute-api:*:*:abc123/*            | " + A + "dev/GET/pets | true",
            "arn:aws:execute-api:*:123456789012:abc123/* | " + A + "dev/GET/pets | true",
            "arn:aws:execute-api:us-*-1:*:abc123/*       | " + A + "dev/GET/pets | true",
            "arn:aws:execute-api:us-*-1:*:abc123/*       | arn:aws:execute-api:us-east-2:123456789012:abc123/dev/GET/pets | false",
            "arn:aws:execute-api:us-east-?:*:*           | " + A + "dev/GET/pets | true",
            "arn:*:execute-api:*:*:*                     | " + A + "dev/GET/pets | true",
            // a star that ends a segment may run across colons (IAM, Resource element)
            "arn:aws:execute-api:*                       | " + A + "dev/GET/pets | true",
            "arn:aws:execute-api:*:abc123/dev/*          | " + A + "dev/GET/pets | true",
            // a star inside a segment may not: us-* then 2 cannot swallow "east-1:12345678901"
            "arn:aws:execute-api:us-*2:abc123/*          | " + A + "dev/GET/pets | false",
            "arn:aws:execute-api:us-*2:abc123/*          | arn:aws:execute-api:us-east-2:123456789012:abc123/dev/GET/pets | false",
            // nor may a ? stand for a colon before the resource part
            "arn:aws:execute-api:us-east-1?123456789012:abc123/* | " + A + "dev/GET/pets | false",
            // in the resource part colons are ordinary characters
            A + "dev/GET/a*        | " + A + "dev/GET/a:b/c        | true",
            A + "dev/GET/a?b       | " + A + "dev/GET/a:b          | true",
            // stars in a row are one star
            A + "**                | " + A + "dev/GET/pets         | true",
            "**                    | " + A + "dev/GET/pets         | true",
            "*                     | " + A + "dev/GET/pets         | true",
            "arn:aws:execute-api:** | " + A + "dev/GET/pets         | true",
    })
    void arnPatterns(String pattern, String arn, boolean expected) {
        assertEquals(expected, WildcardPattern.compile(pattern, Syntax.ARN, false).matches(arn));
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            // literal prefix and suffix around the wildcards may not overlap in the text
            "ab*ab, ab,    false",
            "ab*ab, aba,   false",
            "ab*ab, abab,  true",
            "ab*ab, abxab, true",
            "a*bc,  abc,   true",
            "a*bc,  ac,    false",
            "a?c,   ac,    false",
            "a?c,   abc,   true",
            "*.json, a.json, true",
            "*.json, a.jsonx, false",
            "x*,    x,     true",
            "x*,    yx,    false",
    })
    void literalEnds(String pattern, String text, boolean expected) {
        assertEquals(expected, WildcardPattern.compile(pattern, Syntax.PLAIN, false).matches(text));
    }

    @Test
    void emptyText() {
        assertTrue(WildcardPattern.compile("*", Syntax.PLAIN, false).matches(""));
        assertFalse(WildcardPattern.compile("?", Syntax.PLAIN, false).matches(""));
        assertFalse(WildcardPattern.compile("a*", Syntax.PLAIN, false).matches(""));
    }

    @Test
    void plainPatternsIgnoreColons() {
        assertTrue(WildcardPattern.compile("a*b", Syntax.PLAIN, false).matches("a:x:y:z:q:r:b"));
        assertTrue(WildcardPattern.compile("a?b", Syntax.PLAIN, false).matches("a:b"));
    }

    @Test
    void caseFoldingOnlyWhenAsked() {
        assertTrue(WildcardPattern.compile("execute-api:Inv*", Syntax.PLAIN, true).matches("EXECUTE-API:INVOKE"));
        assertTrue(WildcardPattern.compile("Execute-API:Invoke", Syntax.PLAIN, true).matches("execute-api:invoke"));
        assertFalse(WildcardPattern.compile("execute-api:Inv*", Syntax.PLAIN, false).matches("EXECUTE-API:INVOKE"));
    }

    @Test
    void manyStarsDoNotBacktrack() {
        // A backtracking matcher needs ~C(10000,30) steps here; the automaton needs 62 x 10000. The trailing star
        // keeps the literal-suffix shortcut from answering first.
        WildcardPattern hostile = WildcardPattern.compile("*a".repeat(30) + "*b*", Syntax.PLAIN, false);
        String text = "a".repeat(10_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(hostile.matches(text)));
        assertTrue(hostile.matches(text + "b"));
        assertFalse(WildcardPattern.compile("*a".repeat(30) + "b", Syntax.PLAIN, false).matches(text));
    }
}
