package dev.gwemu.routing;

import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route resolution on the (resource, method) pair, data-plane.md §1.2–§1.4. */
class ResourceTreeTest {
    private static Resource resource(String path, String... methods) {
        Map<String, Method> map = new LinkedHashMap<>();
        for (String m : methods) {
            map.put(m, new Method(m, null, new Integration(IntegrationType.AWS_PROXY, "uri", "POST", 29000)));
        }
        return new Resource(path.replaceAll("[^a-z]", "").concat("xxxxxx").substring(0, 6), path, map);
    }

    /** The tree measured on real AWS in data-plane.md §1.4. */
    private final ResourceTree ministack = new ResourceTree(List.of(
            resource("/{proxy+}", "ANY"),
            resource("/jobs"),
            resource("/jobs/{operation_type}", "GET"),
            resource("/cors_only", "OPTIONS")));

    @Test
    void exactPairWins() {
        RouteMatch m = ministack.match("/jobs/reboot", "GET");
        assertEquals("/jobs/{operation_type}", m.resource().path());
        assertEquals(Map.of("operation_type", "reboot"), m.pathParameters());
    }

    @Test
    void resourceWithoutMethodsDoesNotCapture() {
        RouteMatch m = ministack.match("/jobs", "GET");
        assertEquals("/{proxy+}", m.resource().path());
        assertEquals(Map.of("proxy", "jobs"), m.pathParameters());
    }

    @Test
    void missingMethodFallsBackToGreedy() {
        assertEquals("/{proxy+}", ministack.match("/jobs/reboot", "POST").resource().path());
        assertEquals("/{proxy+}", ministack.match("/cors_only", "GET").resource().path());
        assertEquals("/cors_only", ministack.match("/cors_only", "OPTIONS").resource().path());
    }

    @Test
    void greedyNeedsAtLeastOneSegment() {
        assertNull(ministack.match("/", "GET"));
    }

    @Test
    void literalBeatsParameterBeatsGreedyAndBacktracks() {
        ResourceTree tree = new ResourceTree(List.of(
                resource("/a/{x}/c", "GET"),
                resource("/a/b/d", "GET"),
                resource("/a/{y+}", "GET")));
        assertEquals("/a/b/d", tree.match("/a/b/d", "GET").resource().path());
        // the literal branch /a/b has no /c, so the walk backtracks into {x}
        RouteMatch m = tree.match("/a/b/c", "GET");
        assertEquals("/a/{x}/c", m.resource().path());
        assertEquals(Map.of("x", "b"), m.pathParameters());
        assertEquals(Map.of("y", "b/e/f"), tree.match("/a/b/e/f", "GET").pathParameters());
    }

    @Test
    void explicitMethodBeatsAnyAndHeadIsNotGet() {
        ResourceTree tree = new ResourceTree(List.of(resource("/r", "GET", "ANY"), resource("/g", "GET")));
        assertEquals("GET", tree.match("/r", "GET").method().httpMethod());
        assertEquals("ANY", tree.match("/r", "DELETE").method().httpMethod());
        assertNull(tree.match("/g", "HEAD"));
    }

    @Test
    void trailingSlashIgnoredDoubleSlashKeptInGreedyEncodingKept() {
        assertEquals(Map.of("proxy", "proxy-value"), ministack.match("/proxy-value/", "GET").pathParameters());
        assertEquals(Map.of("proxy", "proxy-value//double-slash"), ministack.match("/proxy-value//double-slash", "GET").pathParameters());
        assertEquals(Map.of("proxy", "user/test%2Balias@gmail.com"), ministack.match("/user/test%2Balias@gmail.com", "GET").pathParameters());
    }

    @Test
    void matchingIsCaseSensitive() {
        ResourceTree tree = new ResourceTree(List.of(resource("/pets", "GET")));
        assertTrue(tree.match("/pets", "GET") != null);
        assertNull(tree.match("/Pets", "GET"));
    }

    @Test
    void refusesTwoVariableSiblingsAndMisplacedGreedy() {
        assertThrows(IllegalArgumentException.class, () -> new ResourceTree(List.of(resource("/a/{x}", "GET"), resource("/a/{y}/b", "GET"))));
        assertThrows(IllegalArgumentException.class, () -> ResourcePath.parse("/a/{p+}/b"));
        assertThrows(IllegalArgumentException.class, () -> ResourcePath.parse("/a{b}"));
    }
}
