package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;

import static dev.gwemu.mapping.Requests.body;
import static dev.gwemu.mapping.Requests.render;
import static dev.gwemu.mapping.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** data-plane.md §5.2, {@code $input}. */
class InputVariableTest {
    private static final String PETS = "{\"store\": {\"pets\": [{\"name\": \"Rex\", \"age\": 3}, {\"name\": \"Tom\", \"age\": 1.5}], \"open\": true}}";

    // §5.2 [V] (test_input_body_formatting): the raw body; an empty request reads as {}.
    @Test
    void bodyIsRawAndEmptyBodyIsBraces() {
        String template = "Action=SendMessage&MessageBody=$input.body";
        assertEquals("Action=SendMessage&MessageBody={}", render(template, body(null)));
        assertEquals("Action=SendMessage&MessageBody={}", render(template, body("")));
        assertEquals("Action=SendMessage&MessageBody={\"some\": \"value\"}", render(template, body("{\"some\": \"value\"}")));
        assertEquals("Action=SendMessage&MessageBody=some raw data", render(template, body("some raw data")));
    }

    // §5.2 [V]: property access on the body string yields nothing.
    @Test
    void bodyHasNoProperties() {
        assertEquals("", render("#set($result = $input.body.testAccess)$result", body("{\"testAccess\": 1}")));
    }

    // §5.2: $input.json gives JSON text: strings keep quotes, objects and arrays compact JSON, numbers as numbers.
    @Test
    void jsonGivesJsonText() {
        MappingInput input = body(PETS);
        assertEquals("{\"store\":{\"pets\":[{\"name\":\"Rex\",\"age\":3},{\"name\":\"Tom\",\"age\":1.5}],\"open\":true}}",
                render("$input.json('$')", input));
        assertEquals("\"Rex\" 1.5 true [{\"name\":\"Rex\",\"age\":3},{\"name\":\"Tom\",\"age\":1.5}]",
                render("$input.json('$.store.pets[0].name') $input.json('$.store.pets[1].age') $input.json('$.store.open') $input.json('$.store.pets')", input));
        assertEquals("{}", render("$input.json('$')", body(null)));
    }

    // §5.2 [E/U] InputVariable.MISSING_JSON: a missing path, a JSON null or a body that is not JSON give "".
    @Test
    void jsonOfNothingIsAnEmptyJsonString() {
        assertEquals("{\"a\": \"\", \"b\": \"\"}", render("{\"a\": $input.json('$.missing'), \"b\": $input.json('$.n')}", body("{\"n\": null}")));
        assertEquals("\"\"", render("$input.json('$')", body("some raw data")));
    }

    // §5.2 [D]: Jayway JSONPath, $.a.b, $.a[0], $.a[*].b, $..b; lists of results print as JSON.
    @Test
    void jsonPathSyntax() {
        MappingInput input = body(PETS);
        assertEquals("[\"Rex\",\"Tom\"] [3,1.5] Rex", render("$input.path('$.store.pets[*].name') $input.path('$..age') $input.path('$.store.pets[0]').name", input));
        assertEquals("[\"Rex\"]", render("$input.json('$.store.pets[?(@.age > 2)].name')", input));
    }

    // §5.2: $input.path gives native values to navigate: .size(), [0], .field, .get('x').
    @Test
    void pathGivesNavigableValues() {
        String template = "#set($pets = $input.path('$.store.pets'))$pets.size() $pets[0].name $pets.get(1).get('name') $pets[1].age "
                + "#foreach($p in $pets)$p.name#if($foreach.hasNext),#end#end #if($input.path('$.store.open'))open#end";
        assertEquals("2 Rex Tom 1.5 Rex,Tom open", render(template, body(PETS)));
    }

    // §5.2 [V]: a body that is not JSON gives null (rendered empty) to $input.path.
    @Test
    void pathOfNonJsonBodyIsMissing() {
        assertEquals("[] true", render("[$input.path('$')] #if($input.path('$') == $null)true#end", body("some raw data")));
    }

    // Each $input.path call sees the body as sent, whatever the template did to an earlier result.
    @Test
    void changesToAPathResultDoNotLeak() {
        assertEquals("{a=1, b=2} {\"a\":1}", render("#set($m = $input.path('$'))#set($ignored = $m.put('b', 2))$m $input.json('$')", body("{\"a\":1}")));
    }

    // §5.2 [D]: $input.params() maps path, querystring and header, each to single (last) values.
    @Test
    void paramsMapsAllLocationsWithLastValues() {
        MappingInput input = request().path("petId", "42").query("q", "a", "b").header("Accept", "text/plain", "*/*").input();
        assertEquals("{path={petId=42}, querystring={q=b}, header={Accept=*/*}} b 42",
                render("$input.params() $input.params().querystring.q $input.params().get('path').petId", input));
        assertEquals("path:petId=42;querystring:q=b;header:Accept=*/*;",
                render("#foreach($type in $input.params().keySet())#set($ps = $input.params().get($type))#foreach($n in $ps.keySet())$type:$n=$ps.get($n);#end#end", input));
    }

    // §5.2 [D][E]: $input.params('x') looks in path, then querystring, then header; "" when absent.
    @Test
    void paramsByNameSearchesPathQueryHeader() {
        MappingInput input = request().path("id", "from-path").query("id", "from-query").query("q", "query")
                .header("id", "from-header").header("X-Only-Header", "h").input();
        assertEquals("from-path query h [] true",
                render("$input.params('id') $input.params('q') $input.params('X-Only-Header') [$input.params('none')] #if($input.params('none') == \"\")true#end", input));
    }

    // §5.2 [E] InputVariable.HEADER_PARAMS_IGNORE_CASE: header lookups ignore case, keys keep their spelling.
    @Test
    void headerParamsIgnoreCase() {
        MappingInput input = request().header("Content-Type", "application/json").input();
        assertEquals("application/json application/json application/json {Content-Type=application/json}",
                render("$input.params().header.get('content-type') $input.params().header.CONTENT-TYPE $input.params('content-TYPE') $input.params().header", input));
    }

    // A missing value that a template puts into a JSON list is written as JSON null.
    @Test
    void missingValueInsideJsonIsNull() {
        assertEquals("[1,null] 2", render("#set($l = $input.path('$.l'))#set($ok = $l.add($input.path('$.none')))$l $l.size()", body("{\"l\": [1]}")));
    }

    // An invalid JSONPath fails the render (API Gateway answers such a request with a 5XX).
    @Test
    void invalidJsonPathFailsTheRender() {
        TemplateRenderException e = assertThrows(TemplateRenderException.class, () -> render("\n  x $input.path('$.a.')", body("{}")));
        assertEquals("test:2:12: invalid JSONPath '$.a.': Path must not end with a '.' or '..'", e.getMessage());
    }
}
