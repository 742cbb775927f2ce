package dev.gwemu.httpapi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Route choice for HTTP APIs, data-plane.md §3.1. */
class HttpRouteTableTest {
    private static HttpRouteTable table(String... keys) {
        return new HttpRouteTable(Arrays.stream(keys).map(RouteKey::parse).toList());
    }

    /** Expected parameters written "a=1;b=2", empty for none; route "-" for no match. */
    private static void check(HttpRouteTable table, String method, String path, String route, String params) {
        HttpRouteMatch match = table.match(method, path);
        if (route.equals("-")) {
            assertNull(match, method + " " + path);
            return;
        }
        assertEquals(route, match == null ? null : match.routeKey().toString(), method + " " + path);
        Map<String, String> expected = new LinkedHashMap<>();
        if (params != null && !params.isEmpty()) {
            for (String pair : params.split(";")) {
                String[] kv = pair.split("=", 2);
                expected.put(kv[0], kv[1]);
            }
        }
        assertEquals(expected, match.pathParameters(), method + " " + path);
    }

    private final HttpRouteTable pets = table(
            "GET /pets/dog/1", "GET /pets/dog/{id}", "ANY /pets/{kind}/{id}", "POST /pets/{kind}/{id}",
            "GET /pets", "GET /pets/{proxy+}", "ANY /{proxy+}", "GET /metrics", "$default");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "", value = {
            // the docs' example: literals first
            "GET|/pets/dog/1|GET /pets/dog/1|",
            "GET|/pets/dog/2|GET /pets/dog/{id}|id=2",
            // a specific method before ANY on the same path; ANY takes the others
            "POST|/pets/cat/7|POST /pets/{kind}/{id}|kind=cat;id=7",
            "DELETE|/pets/cat/7|ANY /pets/{kind}/{id}|kind=cat;id=7",
            // path specificity before method: GET /pets/dog/1 has no DELETE, so {kind}/{id} with ANY
            "DELETE|/pets/dog/1|ANY /pets/{kind}/{id}|kind=dog;id=1",
            // full match before greedy
            "GET|/pets|GET /pets|",
            "GET|/pets/cat/7|ANY /pets/{kind}/{id}|kind=cat;id=7",
            // greedy: longest prefix first, then specific method
            "GET|/pets/a/b/c|GET /pets/{proxy+}|proxy=a/b/c",
            "PUT|/pets/a/b/c|ANY /{proxy+}|proxy=pets/a/b/c",
            "GET|/toys/1|ANY /{proxy+}|proxy=toys/1",
            // greedy before $default; the root has no segment for {proxy+}
            "GET|/|$default|",
            // HEAD is not implied by GET
            "HEAD|/metrics|ANY /{proxy+}|proxy=metrics",
            // trailing slash: not the route without it
            "GET|/metrics|GET /metrics|",
            "GET|/metrics/|ANY /{proxy+}|proxy=metrics/",
            // encoded segments are decoded; '+' stays a plus; %2F stays inside its segment
            "POST|/pets/a%20b/x+y|POST /pets/{kind}/{id}|kind=a b;id=x+y",
            "POST|/pets/a%2Fb/1|POST /pets/{kind}/{id}|kind=a/b;id=1",
            "GET|/pets/%64og/1|GET /pets/dog/1|",
    })
    void choosesTheRouteOfSection31(String method, String path, String route, String params) {
        check(pets, method, path, route, params);
    }

    @Test
    void withoutGreedyOrDefaultTheTrailingSlashIsNotFound() {
        HttpRouteTable t = table("GET /metrics", "GET /metrics/{name}");
        check(t, "GET", "/metrics", "GET /metrics", "");
        check(t, "GET", "/metrics/", "-", null);
        check(t, "GET", "/metrics/cpu", "GET /metrics/{name}", "name=cpu");
        check(t, "POST", "/metrics", "-", null);
        check(t, "GET", "metrics", "-", null);
    }

    @Test
    void headIsNotImpliedByGetAndDefaultTakesTheRest() {
        HttpRouteTable t = table("GET /a", "$default");
        check(t, "HEAD", "/a", "$default", "");
        check(t, "GET", "/a", "GET /a", "");
        check(t, "GET", "/a/b", "$default", "");
    }

    @Test
    void greedyPrefersTheLongerPrefixThenMoreLiterals() {
        HttpRouteTable t = table("ANY /a/{x}/{proxy+}", "ANY /a/b/{proxy+}", "ANY /a/{proxy+}");
        check(t, "GET", "/a/b/c", "ANY /a/b/{proxy+}", "proxy=c");
        check(t, "GET", "/a/z/c/d", "ANY /a/{x}/{proxy+}", "x=z;proxy=c/d");
        check(t, "GET", "/a/z", "ANY /a/{proxy+}", "proxy=z");
        check(t, "GET", "/a", "-", null);
    }

    @Test
    void aLiteralDeadEndFallsBackToTheParameter() {
        HttpRouteTable t = table("GET /a/b/c", "GET /a/{x}/d");
        check(t, "GET", "/a/b/d", "GET /a/{x}/d", "x=b");
    }

    @Test
    void sameRouteTwiceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table("GET /pets/{id}", "GET /pets/{petId}"));
        assertEquals("route keys 'GET /pets/{id}' and 'GET /pets/{petId}' are the same route", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> table("$default", "$default"));
    }

    @Test
    void emptyTableFindsNothing() {
        assertNull(new HttpRouteTable(List.of()).match("GET", "/"));
    }
}
