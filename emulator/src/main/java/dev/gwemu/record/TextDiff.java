package dev.gwemu.record;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified-style diff of two texts, line by line ({@code -} recorded, {@code +} replayed, two lines of context),
 * for bodies that are not both JSON. Only the start is shown: a body that differs everywhere would drown the
 * report. Lines in common at both ends are set aside first, so a long body with a small change costs little;
 * the longest common subsequence is computed only for a middle of modest size, else the middle is shown as
 * removed and added.
 */
final class TextDiff {
    static final int MAX_LINES = 30;
    private static final int CONTEXT = 2;
    private static final int LINE_CHARS = 160;
    private static final long LCS_CELLS = 4_000_000;

    private enum Kind { SAME, REMOVED, ADDED }

    private record Line(Kind kind, String text, int recordedLine, int replayedLine) {
    }

    private TextDiff() {
    }

    /** The diff lines, starting with {@code --- recorded} / {@code +++ replayed}; empty when the texts are equal. */
    static List<String> of(String recorded, String replayed) {
        if (recorded.equals(replayed)) {
            return List.of();
        }
        String[] was = lines(recorded);
        String[] now = lines(replayed);
        if (java.util.Arrays.equals(was, now)) {
            return List.of("--- recorded", "+++ replayed", "(the lines are the same; " + (recorded.endsWith("\n")
                    ? "only the recorded" : "only the replayed") + " text ends with a line break)");
        }
        List<Line> lines = compare(was, now);
        int from = firstDifferentColumn(lines);
        List<String> out = new ArrayList<>(List.of("--- recorded", "+++ replayed"));
        int shown = 0;
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).kind() == Kind.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes come within two contexts of each other
            for (int j = i; j < lines.size(); j++) {
                if (lines.get(j).kind() != Kind.SAME) {
                    end = j;
                } else if (j - end > 2 * CONTEXT) {
                    break;
                }
            }
            end = Math.min(lines.size() - 1, end + CONTEXT);
            out.add(header(lines, start, end));
            for (int k = start; k <= end; k++) {
                if (shown == MAX_LINES) {
                    out.add("... (diff cut after " + MAX_LINES + " lines)");
                    return out;
                }
                Line line = lines.get(k);
                out.add((line.kind() == Kind.SAME ? " " : line.kind() == Kind.REMOVED ? "-" : "+") + cut(line.text(), from));
                shown++;
            }
            i = end + 1;
        }
        return out;
    }

    private static String header(List<Line> lines, int start, int end) {
        int recordedStart = 0;
        int replayedStart = 0;
        int recordedCount = 0;
        int replayedCount = 0;
        for (int k = start; k <= end; k++) {
            Line line = lines.get(k);
            if (line.kind() != Kind.ADDED) {
                recordedStart = recordedStart == 0 ? line.recordedLine() : recordedStart;
                recordedCount++;
            }
            if (line.kind() != Kind.REMOVED) {
                replayedStart = replayedStart == 0 ? line.replayedLine() : replayedStart;
                replayedCount++;
            }
        }
        return "@@ -" + recordedStart + "," + recordedCount + " +" + replayedStart + "," + replayedCount + " @@";
    }

    /** The lines of a text; a final line break ends the last line rather than starting an empty one. */
    private static String[] lines(String text) {
        String[] lines = text.split("\n", -1);
        return lines.length > 1 && lines[lines.length - 1].isEmpty() ? java.util.Arrays.copyOf(lines, lines.length - 1) : lines;
    }

    private static List<Line> compare(String[] a, String[] b) {
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            lines.add(new Line(Kind.SAME, a[i], i + 1, i + 1));
        }
        middle(a, b, prefix, a.length - suffix, b.length - suffix, lines);
        for (int i = suffix; i > 0; i--) {
            lines.add(new Line(Kind.SAME, a[a.length - i], a.length - i + 1, b.length - i + 1));
        }
        return lines;
    }

    /** The lines between the common ends, by longest common subsequence when small enough. */
    private static void middle(String[] a, String[] b, int from, int aEnd, int bEnd, List<Line> out) {
        int n = aEnd - from;
        int m = bEnd - from;
        if ((long) n * m > LCS_CELLS) {
            for (int i = from; i < aEnd; i++) {
                out.add(new Line(Kind.REMOVED, a[i], i + 1, 0));
            }
            for (int j = from; j < bEnd; j++) {
                out.add(new Line(Kind.ADDED, b[j], 0, j + 1));
            }
            return;
        }
        int[][] common = new int[n + 1][m + 1]; // common[i][j]: LCS length of a[from+i..] and b[from+j..]
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a[from + i].equals(b[from + j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[from + i].equals(b[from + j])) {
                out.add(new Line(Kind.SAME, a[from + i], from + i + 1, from + j + 1));
                i++;
                j++;
            } else if (j == m || i < n && common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[from + i], from + i + 1, 0));
                i++;
            } else {
                out.add(new Line(Kind.ADDED, b[from + j], 0, from + j + 1));
                j++;
            }
        }
    }

    /**
     * Where the first removed and added lines part, so long lines (minified HTML, one-line text) are shown from
     * a little before it rather than from their start.
     */
    private static int firstDifferentColumn(List<Line> lines) {
        String removed = null;
        String added = null;
        for (Line line : lines) {
            if (line.kind() == Kind.REMOVED && removed == null) {
                removed = line.text();
            } else if (line.kind() == Kind.ADDED && added == null) {
                added = line.text();
            }
        }
        if (removed == null || added == null) {
            return 0;
        }
        int column = 0;
        while (column < removed.length() && column < added.length() && removed.charAt(column) == added.charAt(column)) {
            column++;
        }
        return column;
    }

    private static String cut(String text, int differsAt) {
        String line = text.replace("\r", "\\r"); // a CRLF against an LF line would otherwise look equal
        if (line.length() <= LINE_CHARS) {
            return line;
        }
        int start = differsAt > LINE_CHARS / 2 ? Math.min(differsAt - LINE_CHARS / 4, line.length()) : 0;
        int end = Math.min(line.length(), start + LINE_CHARS);
        return (start > 0 ? "..." : "") + line.substring(start, end) + (end < line.length() ? "..." : "")
                + " (" + line.length() + " characters" + (start > 0 ? ", from character " + (start + 1) : "") + ")";
    }
}
