package dev.gwemu.routing;

import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST API's resources as a tree, built once at load and matched per request.
 *
 * <p>AWS resolves on the (resource, method) pair (data-plane.md §1.4): of all resources whose
 * pattern matches, most specific first (literal beats {@code {param}} beats {@code {param+}},
 * segment by segment from the left), the first that has the method or ANY wins. A depth-first
 * walk that tries children in that order visits candidates in exactly that order, so the first
 * hit is the answer and most requests touch one branch only.
 */
public final class ResourceTree {
    private final Node root = new Node();

    public ResourceTree(List<Resource> resources) {
        for (Resource resource : resources) {
            insert(resource);
        }
    }

    /**
     * @param path   the request path after the stage, percent-encoding kept, starting with '/'
     * @param method the request's HTTP method
     * @return the match, or null when no resource has that method there
     */
    public RouteMatch match(String path, String method) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = trimmed.length() <= 1 ? new String[0] : trimmed.substring(1).split("/", -1);
        List<String> values = new ArrayList<>(4);
        return walk(root, segments, 0, method, values);
    }

    private RouteMatch walk(Node node, String[] segments, int index, String method, List<String> values) {
        if (index == segments.length) {
            return node.resource == null ? null : hit(node, method, values);
        }
        String segment = segments[index];
        Node literal = node.literals.get(segment);
        if (literal != null) {
            RouteMatch found = walk(literal, segments, index + 1, method, values);
            if (found != null) {
                return found;
            }
        }
        if (node.param != null && !segment.isEmpty()) {
            values.add(segment);
            RouteMatch found = walk(node.param, segments, index + 1, method, values);
            if (found != null) {
                return found;
            }
            values.remove(values.size() - 1);
        }
        if (node.greedy != null) {
            // The greedy value keeps inner double slashes (data-plane.md §1.2).
            values.add(String.join("/", java.util.Arrays.copyOfRange(segments, index, segments.length)));
            RouteMatch found = hit(node.greedy, method, values);
            if (found != null) {
                return found;
            }
            values.remove(values.size() - 1);
        }
        return null;
    }

    private static RouteMatch hit(Node node, String method, List<String> values) {
        Method m = node.resource.methods().get(method);
        if (m == null) {
            m = node.resource.methods().get("ANY");
        }
        if (m == null) {
            return null;
        }
        if (node.paramNames.isEmpty()) {
            return new RouteMatch(node.resource, m, Map.of());
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < node.paramNames.size(); i++) {
            params.put(node.paramNames.get(i), values.get(i));
        }
        return new RouteMatch(node.resource, m, params);
    }

    private void insert(Resource resource) {
        Node node = root;
        List<String> names = new ArrayList<>();
        for (ResourcePath.Segment segment : ResourcePath.parse(resource.path())) {
            switch (segment.kind()) {
                case LITERAL -> node = node.literals.computeIfAbsent(segment.text(), k -> new Node());
                case PARAM -> {
                    if (node.param == null) {
                        node.param = new Node();
                        node.paramName = segment.text();
                    } else if (!node.paramName.equals(segment.text())) {
                        // AWS refuses two variable siblings: "only one is allowed".
                        throw new IllegalArgumentException("resource path '" + resource.path() + "': {" + segment.text()
                                + "} has a sibling {" + node.paramName + "}; API Gateway allows one variable path part per level");
                    }
                    node = node.param;
                    names.add(segment.text());
                }
                case GREEDY -> {
                    node = node.greedy == null ? (node.greedy = new Node()) : node.greedy;
                    names.add(segment.text());
                }
            }
        }
        node.resource = resource;
        node.paramNames = List.copyOf(names);
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node param;
        String paramName;
        Node greedy;
        Resource resource;
        List<String> paramNames = List.of();
    }
}
