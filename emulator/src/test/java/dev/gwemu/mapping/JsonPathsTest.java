package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data-plane.md §5.2 "JSONPath is Jayway-style", and §5.1's printing of the values it returns. */
class JsonPathsTest {
    private static final Object DOC = JsonPaths.parse("{\"a\": {\"b\": [{\"c\": 1}, {\"c\": \"two\"}, {\"d\": null}]}, \"s\": \"x/y\"}");

    // §5.2 [D]: $.a.b, $.a[0], $.a[*].b, $..b.
    @Test
    void jaywaySyntax() {
        assertEquals("[{\"c\":1},{\"c\":\"two\"},{\"d\":null}]", String.valueOf(JsonPaths.read(DOC, "$.a.b")));
        assertEquals("{c=1}", String.valueOf(JsonPaths.read(DOC, "$.a.b[0]")));
        assertEquals("[1,\"two\"]", String.valueOf(JsonPaths.read(DOC, "$.a.b[*].c")));
        assertEquals("[1,\"two\"]", String.valueOf(JsonPaths.read(DOC, "$..c")));
        assertEquals("x/y", JsonPaths.read(DOC, "s"));
    }

    // §5.1 [V]: objects are Java maps (printing k=v), arrays are lists printing as JSON; scalars are themselves.
    @Test
    void valueTypes() {
        assertInstanceOf(Map.class, JsonPaths.read(DOC, "$.a"));
        assertInstanceOf(List.class, JsonPaths.read(DOC, "$.a.b"));
        assertEquals(1, JsonPaths.read(DOC, "$.a.b[0].c"));
        assertEquals(true, JsonPaths.read(JsonPaths.parse("[true]"), "$[0]"));
        assertEquals("{b=[{\"c\":1},{\"c\":\"two\"},{\"d\":null}]}", String.valueOf(JsonPaths.read(DOC, "$.a")));
    }

    // §5.2 [V]: a missing path (or JSON null) is null, never an exception; an indefinite path finds an empty list.
    @Test
    void missingIsNull() {
        assertNull(JsonPaths.read(DOC, "$.nope.deeper"));
        assertNull(JsonPaths.read(DOC, "$.a.b[2].d"));
        assertNull(JsonPaths.read(DOC, "$.a.b[9]"));
        assertEquals("[]", String.valueOf(JsonPaths.read(DOC, "$..nope")));
        assertNull(JsonPaths.read(JsonPaths.parse("null"), "$"));
    }

    @Test
    void invalidInputIsAnIllegalArgument() {
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class, () -> JsonPaths.read(DOC, "$.a."));
        assertEquals("invalid JSONPath '$.a.': Path must not end with a '.' or '..'", path.getMessage());
        IllegalArgumentException json = assertThrows(IllegalArgumentException.class, () -> JsonPaths.parse("{\"a\": 1} trailing"));
        assertTrue(json.getMessage().startsWith("not JSON: "), json.getMessage());
    }

    // §4.1 [E]: bodies starting with ' are taken for JSON, so the parser accepts single quotes (and bare names).
    @Test
    void lenientJson() {
        assertEquals("{a=b, c=1}", String.valueOf(JsonPaths.parse("{'a': 'b', c: 1}")));
    }

    // §5.2: $input.json writes compact JSON, strings quoted, no escaping of / or non-ASCII.
    @Test
    void toJsonIsCompact() {
        assertEquals("{\"s\":\"x/y é\",\"n\":[1,2.5,null]}", JsonPaths.toJson(JsonPaths.parse("{ \"s\" : \"x/y é\", \"n\": [1, 2.5, null] }")));
        assertEquals("\"two\"", JsonPaths.toJson(JsonPaths.read(DOC, "$.a.b[1].c")));
    }
}
