package dev.gwemu.httpapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route key syntax, data-plane.md §3.1 (paths by the rules of §1.2). */
class RouteKeyTest {
    @Test
    void parsesTheThreeForms() {
        RouteKey get = RouteKey.parse("GET /pets/{petId}");
        assertEquals("GET", get.method());
        assertEquals("/pets/{petId}", get.path());
        assertEquals(2, get.segments().size());
        assertFalse(get.isGreedy());
        assertTrue(RouteKey.parse("ANY /{proxy+}").isGreedy());
        RouteKey dflt = RouteKey.parse("$default");
        assertTrue(dflt.isDefault());
        assertNull(dflt.method());
        assertEquals("$default", dflt.toString());
        assertEquals("GET /", RouteKey.parse("GET /").toString());
        assertTrue(RouteKey.parse("GET /").segments().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''|route key must not be empty",
            "GET/pets|route key 'GET/pets' must be '$default' or 'METHOD /path'",
            "get /pets|route key 'get /pets': method 'get' is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY",
            "TRACE /pets|route key 'TRACE /pets': method 'TRACE' is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY",
            "GET pets|route key 'GET pets': resource path 'pets' must start with '/'",
            "GET /pets/|route key 'GET /pets/': resource path '/pets/' has an empty segment",
            "GET /a//b|route key 'GET /a//b': resource path '/a//b' has an empty segment",
            "GET /{proxy+}/x|route key 'GET /{proxy+}/x': resource path '/{proxy+}/x': a greedy parameter '{proxy+}' must be the last segment",
            "GET /a{id}|route key 'GET /a{id}': resource path '/a{id}': a path parameter must fill a whole segment ('a{id}')",
            "GET /{}|route key 'GET /{}': resource path '/{}': bad parameter name in '{}'",
    })
    void rejectsWithAReason(String key, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteKey.parse(key));
        assertEquals(message, e.getMessage());
    }
}
