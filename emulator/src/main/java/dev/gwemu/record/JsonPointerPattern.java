package dev.gwemu.record;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON pointer (RFC 6901: {@code /items/0/id}, {@code ~1} for '/', {@code ~0} for '~') naming a part of a JSON
 * body to leave out of a comparison. A segment {@code *} stands for any one member name or array index, so
 * {@code /items/*}{@code /updatedAt} names the field in every element; the empty pointer names the whole body.
 */
public final class JsonPointerPattern {
    static final String ANY = "*";
    private final String text;
    private final List<String> segments;

    private JsonPointerPattern(String text, List<String> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** @throws IllegalArgumentException not a JSON pointer, with why */
    public static JsonPointerPattern parse(String pointer) {
        if (pointer.isEmpty()) {
            return new JsonPointerPattern(pointer, List.of());
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("'" + pointer + "' is not a JSON pointer: it starts with '/' (e.g. /requestId)");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            StringBuilder segment = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '~') {
                    segment.append(c);
                    continue;
                }
                char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    throw new IllegalArgumentException("'" + pointer + "' is not a JSON pointer: '~' is written ~0 and '/' ~1");
                }
                segment.append(next == '0' ? '~' : '/');
                i++;
            }
            segments.add(segment.toString());
        }
        return new JsonPointerPattern(pointer, segments);
    }

    /** Whether this pattern names the node at {@code path} (member names and array indexes from the root). */
    boolean matches(List<String> path) {
        if (path.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < path.size(); i++) {
            if (!segments.get(i).equals(ANY) && !segments.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The pointer to a node, escaped as RFC 6901 writes it; "" for the root. */
    static String pointerTo(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
