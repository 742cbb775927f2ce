package dev.gwemu.httpapi;

import java.util.Set;

/**
 * Which stage of an HTTP API a request path addresses, and the path the routes see (data-plane.md §3.1):
 * a first segment naming a stage selects it and is removed; otherwise the {@code $default} stage, if any,
 * receives the full path; otherwise null (404 {"message":"Not Found"}).
 */
public record HttpStageSelection(String stage, String path) {
    public static final String DEFAULT_STAGE = "$default";

    /** @return the selection, or null when no stage serves the path */
    public static HttpStageSelection select(Set<String> stageNames, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        int end = rawPath.indexOf('/', 1);
        String first = end < 0 ? rawPath.substring(1) : rawPath.substring(1, end);
        // "$default" is served at the root only; "/$default/x" is a path of the $default stage ([U]).
        if (!first.isEmpty() && !first.equals(DEFAULT_STAGE) && stageNames.contains(first)) {
            return new HttpStageSelection(first, end < 0 ? "/" : rawPath.substring(end));
        }
        return stageNames.contains(DEFAULT_STAGE) ? new HttpStageSelection(DEFAULT_STAGE, rawPath) : null;
    }
}
