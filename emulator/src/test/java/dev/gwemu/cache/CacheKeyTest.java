package dev.gwemu.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gwemu.pipeline.HeaderList;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §6 [doc][obs]: the key is namespace, verb and the cacheKeyParameters' values, nothing else. */
class CacheKeyTest {
    private static final CacheKeyTemplate PLAIN = CacheKeyTemplate.of("res001", List.of());

    private static CacheKey key(CacheKeyTemplate t, Map<String, String> path, Map<String, List<String>> query,
                                HeaderList headers) {
        return t.keyFor("GET", path, query, headers);
    }

    private static HeaderList headers(String... namesAndValues) {
        HeaderList h = new HeaderList();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return h;
    }

    @Test
    void withoutKeyParametersPathQueryAndHeadersAreIgnored() {
        // §6 [obs]: /pets/1 and /pets/2 share one entry unless method.request.path.id is listed
        CacheKey a = key(PLAIN, Map.of("id", "1"), Map.of("q", List.of("x")), headers("Accept", "a"));
        CacheKey b = key(PLAIN, Map.of("id", "2"), Map.of(), headers());
        assertEquals(a, b);
        assertEquals(new CacheKey("res001", "GET", List.of()), a);
    }

    @Test
    void listedPathParameterSeparatesEntries() {
        CacheKeyTemplate t = CacheKeyTemplate.of("res001", List.of("method.request.path.id"));
        assertNotEquals(key(t, Map.of("id", "1"), Map.of(), headers()), key(t, Map.of("id", "2"), Map.of(), headers()));
        assertEquals(key(t, Map.of("id", "1"), Map.of("other", List.of("a")), headers()),
                key(t, Map.of("id", "1"), Map.of("other", List.of("b")), headers()));
    }

    @Test
    void listedQueryParameterSeparatesEntriesAndOthersDoNot() {
        CacheKeyTemplate t = CacheKeyTemplate.of("res001", List.of("method.request.querystring.type"));
        assertNotEquals(key(t, Map.of(), Map.of("type", List.of("dog")), headers()),
                key(t, Map.of(), Map.of("type", List.of("cat")), headers()));
        assertEquals(key(t, Map.of(), Map.of("type", List.of("dog"), "page", List.of("1")), headers()),
                key(t, Map.of(), Map.of("type", List.of("dog"), "page", List.of("2")), headers()));
    }

    @Test
    void singleValuedQuerySourceReadsTheLastValue() {
        // data-plane.md §4.1: method.request.querystring.NAME is the last value
        CacheKeyTemplate t = CacheKeyTemplate.of("res001", List.of("method.request.querystring.type"));
        assertEquals(key(t, Map.of(), Map.of("type", List.of("cat", "dog")), headers()),
                key(t, Map.of(), Map.of("type", List.of("dog")), headers()));
        CacheKeyTemplate multi = CacheKeyTemplate.of("res001", List.of("method.request.multivaluequerystring.type"));
        assertNotEquals(key(multi, Map.of(), Map.of("type", List.of("cat", "dog")), headers()),
                key(multi, Map.of(), Map.of("type", List.of("dog")), headers()));
    }

    @Test
    void absentParameterDiffersFromEmptyValue() {
        CacheKeyTemplate t = CacheKeyTemplate.of("res001", List.of("method.request.querystring.flag"));
        assertNotEquals(key(t, Map.of(), Map.of(), headers()), key(t, Map.of(), Map.of("flag", List.of("")), headers()));
    }

    @Test
    void listedHeaderSeparatesEntriesWhateverTheNameCase() {
        // §6 [doc] method.request.header.Accept-Language; [unc] header names ignore case in the key
        CacheKeyTemplate t = CacheKeyTemplate.of("res001", List.of("method.request.header.Accept-Language"));
        CacheKey de = key(t, Map.of(), Map.of(), headers("Accept-Language", "de"));
        assertEquals(de, key(t, Map.of(), Map.of(), headers("accept-language", "de", "User-Agent", "x")));
        assertNotEquals(de, key(t, Map.of(), Map.of(), headers("Accept-Language", "fr")));
        assertNotEquals(de, key(t, Map.of(), Map.of(), headers()));
        CacheKeyTemplate multi = CacheKeyTemplate.of("res001", List.of("method.request.multivalueheader.X-A"));
        assertEquals(new CacheKey("res001", "GET", List.of(List.of("1", "2"))),
                key(multi, Map.of(), Map.of(), headers("X-A", "1", "x-a", "2")));
    }

    @Test
    void verbAndNamespaceArePartOfTheKey() {
        // §6 [doc]: HTTP verb is part of the key; cacheNamespace (default: resource id) scopes it
        assertNotEquals(PLAIN.keyFor("GET", Map.of(), Map.of(), headers()),
                PLAIN.keyFor("POST", Map.of(), Map.of(), headers()));
        assertNotEquals(PLAIN.keyFor("GET", Map.of(), Map.of(), headers()),
                CacheKeyTemplate.of("res002", List.of()).keyFor("GET", Map.of(), Map.of(), headers()));
    }

    @Test
    void onlyMethodRequestParametersCanBeKeyParameters() {
        for (String bad : new String[] {"method.request.body", "stageVariables.x", "method.request.path.",
                "integration.request.path.id", "method.request.cookie.x"}) {
            assertEquals("cache key parameter must be method.request.{path|querystring|multivaluequerystring|header|"
                            + "multivalueheader}.NAME, got '" + bad + "'",
                    assertThrows(IllegalArgumentException.class, () -> CacheKeyTemplate.of("r", List.of(bad)))
                            .getMessage());
        }
        assertEquals("cache namespace (cacheNamespace or the resource id) must not be empty",
                assertThrows(IllegalArgumentException.class, () -> CacheKeyTemplate.of("", List.of())).getMessage());
    }
}
