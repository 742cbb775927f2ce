package dev.gwemu.httpapi;

import dev.gwemu.routing.ResourcePath;

import java.util.List;
import java.util.Set;

/**
 * An HTTP API route key, {@code "GET /pets/{petId}"}, {@code "ANY /{proxy+}"} or {@code "$default"}
 * (data-plane.md §3.1). The path follows the resource path rules of §1.2: it starts with {@code /},
 * has no empty segment (so no trailing slash except the root), and a greedy {@code {name+}} only last.
 */
public record RouteKey(String method, String path, List<ResourcePath.Segment> segments) {
    public static final String DEFAULT = "$default";
    public static final String ANY = "ANY";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", ANY);

    public RouteKey {
        segments = segments == null ? null : List.copyOf(segments);
    }

    /** @throws IllegalArgumentException saying what is wrong with the key */
    public static RouteKey parse(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("route key must not be empty");
        }
        if (key.equals(DEFAULT)) {
            return new RouteKey(null, null, null);
        }
        int space = key.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("route key '" + key + "' must be '$default' or 'METHOD /path'");
        }
        String method = key.substring(0, space);
        String path = key.substring(space + 1);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("route key '" + key + "': method '" + method
                    + "' is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY");
        }
        try {
            return new RouteKey(method, path, ResourcePath.parse(path));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route key '" + key + "': " + e.getMessage(), e);
        }
    }

    public boolean isDefault() {
        return method == null;
    }

    /** Whether the last segment is a greedy {@code {name+}} variable. */
    public boolean isGreedy() {
        return !isDefault() && !segments.isEmpty()
                && segments.get(segments.size() - 1).kind() == ResourcePath.Kind.GREEDY;
    }

    /** The key as written in the API definition. */
    @Override
    public String toString() {
        return isDefault() ? DEFAULT : method + " " + path;
    }
}
