package dev.gwemu.httpapi;

import dev.gwemu.routing.ResourcePath;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of an HTTP API, built once into a segment tree, and the choice of route for a request
 * (data-plane.md §3.1). Priority: a full match (literal segments before {@code {param}} at each level,
 * then a specific method before ANY); else a greedy {@code {name+}} route (the longest prefix, then the
 * most literal segments, then a specific method before ANY); else {@code $default}; else null (404).
 * The walk costs one step per request segment, whatever the number of routes.
 */
public final class HttpRouteTable {
    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node param;
        final Map<String, RouteKey> full = new HashMap<>();
        final Map<String, RouteKey> greedy = new HashMap<>();
    }

    private final Node root = new Node();
    private final RouteKey defaultRoute;

    /** @throws IllegalArgumentException when two keys are the same route */
    public HttpRouteTable(List<RouteKey> routes) {
        RouteKey dflt = null;
        for (RouteKey route : routes) {
            if (route.isDefault()) {
                if (dflt != null) {
                    throw new IllegalArgumentException("route key '$default' appears twice");
                }
                dflt = route;
                continue;
            }
            Node node = root;
            for (ResourcePath.Segment s : route.segments()) {
                switch (s.kind()) {
                    case LITERAL -> node = node.literals.computeIfAbsent(s.text(), t -> new Node());
                    case PARAM -> node = node.param == null ? (node.param = new Node()) : node.param;
                    case GREEDY -> { }
                }
            }
            Map<String, RouteKey> slot = route.isGreedy() ? node.greedy : node.full;
            RouteKey clash = slot.putIfAbsent(route.method(), route);
            if (clash != null) {
                throw new IllegalArgumentException("route keys '" + clash + "' and '" + route + "' are the same route");
            }
        }
        defaultRoute = dflt;
    }

    /** @return the chosen route, or null when none matches (the caller answers 404 {"message":"Not Found"}) */
    public HttpRouteMatch match(String method, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        String[] segments = rawPath.equals("/") ? new String[0] : decode(rawPath.substring(1).split("/", -1));
        Search search = new Search(method, segments);
        RouteKey full = search.full(root, 0);
        if (full != null) {
            return new HttpRouteMatch(full, parameters(full, segments));
        }
        if (search.greedy != null) {
            return new HttpRouteMatch(search.greedy, parameters(search.greedy, segments));
        }
        return defaultRoute == null ? null : new HttpRouteMatch(defaultRoute, Map.of());
    }

    /** One request's walk; remembers the best greedy candidate met on the way. */
    private static final class Search {
        final String method;
        final String[] segments;
        RouteKey greedy;
        int greedyDepth = -1;

        Search(String method, String[] segments) {
            this.method = method;
            this.segments = segments;
        }

        RouteKey full(Node node, int depth) {
            if (depth < segments.length) {
                considerGreedy(node, depth);
                String segment = segments[depth];
                Node literal = node.literals.get(segment);
                if (literal != null) {
                    RouteKey found = full(literal, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
                // a {param} never takes an empty segment, so "/metrics/" does not reach "/metrics/{x}" (§3.1 [U])
                if (node.param != null && !segment.isEmpty()) {
                    return full(node.param, depth + 1);
                }
                return null;
            }
            return byMethod(node.full);
        }

        // A greedy variable takes one segment or more: "/pets/{proxy+}" does not match "/pets" (§3.1 [U]).
        // The longest prefix wins; at equal length the first met wins, and the walk meets literals first.
        private void considerGreedy(Node node, int depth) {
            RouteKey candidate = byMethod(node.greedy);
            if (candidate == null) {
                return;
            }
            if (depth > greedyDepth) {
                greedy = candidate;
                greedyDepth = depth;
            }
        }

        private RouteKey byMethod(Map<String, RouteKey> routes) {
            RouteKey exact = routes.get(method);
            return exact != null ? exact : routes.get(RouteKey.ANY);
        }
    }

    private static Map<String, String> parameters(RouteKey route, String[] segments) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<ResourcePath.Segment> template = route.segments();
        for (int i = 0; i < template.size(); i++) {
            ResourcePath.Segment s = template.get(i);
            if (s.kind() == ResourcePath.Kind.PARAM) {
                parameters.put(s.text(), segments[i]);
            } else if (s.kind() == ResourcePath.Kind.GREEDY) {
                parameters.put(s.text(), String.join("/", List.of(segments).subList(i, segments.length)));
            }
        }
        return parameters;
    }

    /** Path segments are percent-decoded; in a path '+' is a literal plus, not a space (§3.1). */
    private static String[] decode(String[] raw) {
        List<String> out = new ArrayList<>(raw.length);
        for (String segment : raw) {
            try {
                out.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                out.add(segment);
            }
        }
        return out.toArray(new String[0]);
    }
}
