package dev.gwemu.record;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDiffTest {
    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals(List.of(), TextDiff.of("a\nb", "a\nb"));
    }

    @Test
    void changesFarApartAreSeparateHunksWithTwoLinesOfContext() {
        String recorded = numbered(1, 20);
        String replayed = recorded.replace("line 3\n", "line three\n").replace("line 17\n", "");
        assertEquals(List.of("--- recorded", "+++ replayed",
                "@@ -1,5 +1,5 @@", " line 1", " line 2", "-line 3", "+line three", " line 4", " line 5",
                "@@ -15,5 +15,4 @@", " line 15", " line 16", "-line 17", " line 18", " line 19"), TextDiff.of(recorded, replayed));
    }

    @Test
    void aLongDiffIsCut() {
        List<String> diff = TextDiff.of(numbered(1, 100), numbered(101, 200));
        assertEquals(2 + 1 + TextDiff.MAX_LINES + 1, diff.size());
        assertEquals("... (diff cut after " + TextDiff.MAX_LINES + " lines)", diff.get(diff.size() - 1));
    }

    @Test
    void longLinesAreShownFromNearWhereTheyPart() {
        String recorded = "x".repeat(1000) + "OLD" + "y".repeat(1000);
        String replayed = "x".repeat(1000) + "NEW" + "y".repeat(1000);
        List<String> diff = TextDiff.of(recorded, replayed);
        assertTrue(diff.get(3).startsWith("-...") && diff.get(3).contains("OLD") && diff.get(3).endsWith("(2003 characters, from character 961)"),
                diff.get(3));
        assertTrue(diff.get(4).contains("NEW"), diff.get(4));
    }

    @Test
    void lineEndingsThatDifferAreVisible() {
        assertEquals(List.of("--- recorded", "+++ replayed", "@@ -1,1 +1,1 @@", "-a\\r", "+a"), TextDiff.of("a\r\n", "a\n"));
        assertEquals(List.of("--- recorded", "+++ replayed", "(the lines are the same; only the recorded text ends with a line break)"),
                TextDiff.of("a\n", "a"));
    }
}
