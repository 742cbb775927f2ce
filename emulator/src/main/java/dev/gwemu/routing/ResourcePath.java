package dev.gwemu.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses and checks a resource path template against API Gateway's rules (data-plane.md §1.2). */
public final class ResourcePath {
    public enum Kind { LITERAL, PARAM, GREEDY }

    public record Segment(Kind kind, String text) {
    }

    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_\\-.,:@~!$&'()*+;=]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-.]+");

    private ResourcePath() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the path */
    public static List<Segment> parse(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("resource path '" + path + "' must start with '/'");
        }
        List<Segment> segments = new ArrayList<>();
        if (path.equals("/")) {
            return segments;
        }
        String[] parts = path.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new IllegalArgumentException("resource path '" + path + "' has an empty segment");
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                boolean greedy = part.endsWith("+}");
                String name = part.substring(1, part.length() - (greedy ? 2 : 1));
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("resource path '" + path + "': bad parameter name in '" + part + "'");
                }
                if (greedy && i != parts.length - 1) {
                    throw new IllegalArgumentException("resource path '" + path + "': a greedy parameter '" + part
                            + "' must be the last segment");
                }
                segments.add(new Segment(greedy ? Kind.GREEDY : Kind.PARAM, name));
            } else if (part.contains("{") || part.contains("}")) {
                throw new IllegalArgumentException("resource path '" + path + "': a path parameter must fill a whole segment ('"
                        + part + "')");
            } else if (!LITERAL.matcher(part).matches()) {
                throw new IllegalArgumentException("resource path '" + path + "': segment '" + part + "' has characters API Gateway does not allow");
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
        return segments;
    }
}
