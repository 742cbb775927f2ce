package dev.gwemu.maven;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code argLine} project property with gwemu's properties added as {@code -D} options. Failsafe (and Surefire)
 * read that property as the forked test JVM's options unless their own {@code argLine} is configured, the same hand-off
 * JaCoCo's agent uses, so the tests see the properties without any {@code systemPropertyVariables}.
 */
final class ArgLine {
    static final String PROPERTY = "argLine";
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s\"']");

    private ArgLine() {
    }

    /** {@code existing} (which may be null or empty) followed by one {@code -Dname=value} per property. */
    static String append(String existing, Map<String, String> properties) {
        StringBuilder line = new StringBuilder(existing == null ? "" : existing.strip());
        properties.forEach((name, value) -> {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(option(name, value));
        });
        return line.toString();
    }

    // Surefire splits argLine at spaces outside quotes; names and URLs rarely need quoting, API names may.
    private static String option(String name, String value) {
        String option = "-D" + name + "=" + value;
        if (!NEEDS_QUOTES.matcher(option).find()) {
            return option;
        }
        if (!option.contains("\"")) {
            return "\"" + option + "\"";
        }
        if (!option.contains("'")) {
            return "'" + option + "'";
        }
        throw new IllegalArgumentException("cannot pass " + name + " on the test JVM's command line: it has both kinds of quotes");
    }
}
