package dev.gwemu.record;

import java.util.ArrayList;
import java.util.List;

/**
 * One way a replayed response differs from the recorded one.
 *
 * @param subject what differs: {@code status}, {@code header Content-Type}, {@code body /items/0/name}, {@code body}
 * @param summary the difference in a line: {@code recorded 200, replayed 404}
 * @param detail  lines that show it, such as a unified diff of text bodies (may be empty)
 */
public record Difference(String subject, String summary, List<String> detail) {
    public Difference {
        detail = List.copyOf(detail);
    }

    public Difference(String subject, String summary) {
        this(subject, summary, List.of());
    }

    /** The difference as report lines: {@code subject: summary}, then the detail indented. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(subject + ": " + summary);
        detail.forEach(line -> lines.add("  " + line));
        return lines;
    }
}
