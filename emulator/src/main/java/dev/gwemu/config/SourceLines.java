package dev.gwemu.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a YAML or JSON file starts, by JSON pointer, so a problem found in the
 * parsed tree can name its line. One pass over the tokens at load time.
 */
final class SourceLines {
    private final Path file;
    private final Map<String, Integer> lines;

    private SourceLines(Path file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** The file these lines are of. */
    Path file() {
        return file;
    }

    static SourceLines of(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        JsonFactory factory = file.toString().endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(Files.newBufferedReader(file))) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                        || token.isScalarValue()) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException | RuntimeException e) {
            // The caller reports the parse error itself; lines just stay unknown.
        }
        return new SourceLines(file, lines);
    }

    /** The line of the node, or of its nearest ancestor that has one. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            p = p.substring(0, slash);
        }
    }

    Problem problem(String pointer, String message) {
        return new Problem(file, lineOf(pointer), pointer, message);
    }
}
