package dev.gwemu.mapping;

/**
 * Where the compiled text starts inside the text as written: templates are stripped of leading whitespace before
 * parsing (§5.1 [E]), yet error positions must point into the original.
 */
record SourceOffset(int lines, int columns) {
    /** The offset of {@code start} in {@code text}: whole lines before it, and columns before it on its line. */
    static SourceOffset of(String text, int start) {
        int lines = 0;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            char ch = text.charAt(i);
            boolean crlf = ch == '\r' && i + 1 < start && text.charAt(i + 1) == '\n';
            if (ch == '\n' || (ch == '\r' && !crlf)) {
                lines++;
                lineStart = i + 1;
            }
        }
        return new SourceOffset(lines, start - lineStart);
    }

    int line(int line, int column) {
        return line + lines;
    }

    int column(int line, int column) {
        return line == 1 ? column + columns : column;
    }
}
