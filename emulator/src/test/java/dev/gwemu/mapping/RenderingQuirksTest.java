package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.gwemu.mapping.Requests.body;
import static dev.gwemu.mapping.Requests.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** data-plane.md §5.1, rendering quirks observed on AWS. */
class RenderingQuirksTest {
    private static final String NULL_CHECKS = "{\"body\": $result, \"nested\": $result.nested, "
            + "\"isNull\": #if( $result == $null )\"true\"#else\"false\"#end, "
            + "\"isEmptyString\": #if( $result == \"\" )\"true\"#else\"false\"#end}";

    // §5.1 [V]: the exact example of the spec.
    @Test
    void missingPathRendersEmptyAndEqualsBothNullAndEmptyString() {
        String template = "#set($r = $input.path('$.missing'))\n{\"body\": $r, \"nested\": $r.nested}";
        assertEquals("{\"body\": , \"nested\": }", render(template, body("{\"foo\":\"bar\"}")));
        assertEquals("{\"body\": , \"nested\": , \"isNull\": \"true\", \"isEmptyString\": \"true\"}",
                render("#set($result = $input.path(\"$.nonExisting\"))" + NULL_CHECKS, body(null)));
    }

    // §5.1 [V] (test_input_path_template_formatting: nested-null-list, nested-empty-list).
    @Test
    void jsonNullIsMissingButAnEmptyListIsAValue() {
        String template = "#set($result = $input.path(\"$.json.listValue\"))" + NULL_CHECKS;
        assertEquals("{\"body\": , \"nested\": , \"isNull\": \"true\", \"isEmptyString\": \"true\"}",
                render(template, body("{\"json\": {\"listValue\": null}}")));
        assertEquals("{\"body\": [], \"nested\": , \"isNull\": \"false\", \"isEmptyString\": \"false\"}",
                render(template, body("{\"json\": {\"listValue\": []}}")));
    }

    // §5.1 [V]: every case of test_input_path_template_formatting; the echo server wraps the posted JSON in "json".
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "dict-response         | $result                | {\"foo\":\"bar\"}                                      | {foo=bar}",
            "json-list             | $result                | [{\"foo\":\"bar\"}]                                    | [{\"foo\":\"bar\"}]",
            "nested-dict           | $result.nested         | {\"nested\": {\"foo\":\"bar\"}}                        | {foo=bar}",
            "nested-list           | $result.nested         | {\"nested\": [{\"foo\":\"bar\"}]}                      | [{\"foo\":\"bar\"}]",
            "dict-in-list          | $result[0]             | [{\"foo\":\"bar\"}]                                    | {foo=bar}",
            "list-with-nested-list | $result[0]             | [[{\"foo\":\"bar\"}]]                                  | [{\"foo\":\"bar\"}]",
            "dict-with-nested-list | $result                | {\"foo\": [{\"nested\":\"bar\"}]}                      | {foo=[{\"nested\":\"bar\"}]}",
            "bigger-dict           | $result                | {\"bigger\": \"dict\", \"to\": \"test\", \"with\": \"separators\"} | {bigger=dict, to=test, with=separators}",
            "to-string             | $result.toString()     | {\"foo\":\"bar\"}                                      | {foo=bar}",
            "list-to-string        | $result.toString()     | {\"list\": [{\"foo\":\"bar\"}]}                        | {list=[{\"foo\":\"bar\"}]}",
    })
    void mapsPrintJavaStyleListsPrintJson(String name, String expression, String posted, String expected) {
        String template = "#set($result = $input.path(\"$.json\"))" + expression;
        assertEquals(expected, render(template, body("{\"json\": " + posted + "}")), name);
    }

    // §5.1 [V]: an empty JSON list prints as [], also on its own.
    @Test
    void emptyListPrintsAsBrackets() {
        assertEquals("[] {a=[]}", render("$input.path('$.a') $input.path('$')", body("{\"a\": []}")));
    }

    // §5.1 [V] (in Velocity terms: quiet rendering everywhere): undefined references, their properties and
    // methods, and references inside string literals all render as nothing.
    @Test
    void undefinedReferencesRenderAsNothing() {
        assertEquals("[][][][][]ab", render("[$nope][${nope}][$nope.bar][$nope.bar()][$!nope]#set($s = \"a${nope}b\")$s", body(null)));
    }

    // §5.1: "allow #set to null" — setting a variable to a missing value empties it.
    @Test
    void setToNullReplacesTheValue() {
        String template = "#set($a = 'x')#set($a = $input.path('$.none'))[$a]#set($b = 'y')#set($b = $nothing.here)[$b]#if($b == $null)null#end";
        assertEquals("[][]null", render(template, body("{}")));
    }

    // §5.1 [E]: leading and trailing whitespace of the whole template is dropped; inner whitespace stays.
    @Test
    void templateIsStripped() {
        assertEquals("{\"a\":  1}", render("\n\n  \t{\"a\":  1}  \r\n\n", body(null)));
    }

    // §5.1 [U]: #foreach stops after VelocityRuntime.FOREACH_MAX_ITERATIONS iterations, silently.
    @Test
    void foreachIsCappedAtOneThousandIterations() {
        assertEquals(1000, VelocityRuntime.FOREACH_MAX_ITERATIONS);
        assertEquals("x".repeat(1000), render("#foreach($i in [1..1500])x#end", body(null)));
        assertEquals("x".repeat(999), render("#foreach($i in [1..999])x#end", body(null)));
    }

    // §5.1 [D]: template size limit 300 KB (307200 bytes of UTF-8).
    @Test
    void templatesOverThreeHundredKilobytesAreRefused() {
        String atLimit = "a".repeat(VtlTemplate.MAX_TEMPLATE_BYTES);
        assertEquals(atLimit, render(atLimit, body(null)));
        TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class,
                () -> VtlTemplate.compile("big", "é" + "a".repeat(VtlTemplate.MAX_TEMPLATE_BYTES - 1)));
        assertEquals("the template is 307201 bytes; API Gateway's limit is 307200 bytes (300 KB)", e.problem());
        assertEquals(1, e.line());
        assertEquals(1, e.column());
    }

    // §5 [U] VelocityRuntime.IF_TESTS_EMPTINESS = false: like Velocity 1.7, #if is false only for null and false,
    // so an absent parameter ("") still counts as set and AWS's advice #if($x != "") is what tests emptiness.
    @Test
    void ifTestsNullNotEmptiness() {
        assertEquals("set|empty|list|no", render("#if($input.params('none'))set#end|#if($input.params('none') == \"\")empty#end|"
                + "#if($input.path('$.a'))list#end|#if($input.path('$.b'))yes#{else}no#end", body("{\"a\": []}")));
    }

    // §5 [U] VelocityRuntime.SPACE_GOBBLING = "bc": Velocity 1.7's whitespace around directives (the indentation
    // before a directive is kept, the line break after it is not).
    @Test
    void whitespaceAroundDirectivesIsVelocity17s() {
        String template = "{\n    #set($x = 1)\n    \"a\": $x\n    #if(true)\n    \"b\": 2\n    #end\n}";
        assertEquals("{\n        \"a\": 1\n        \"b\": 2\n    }", render(template, body(null)));
    }

    // §5 [U]: Velocity 1.7's $velocityCount and $velocityHasNext, still found in older AWS templates.
    @Test
    void legacyLoopVariablesWork() {
        assertEquals("1:a,2:b,3:c|a,b", render("#foreach($x in ['a','b','c'])$velocityCount:$x#if($velocityHasNext),#end#end|"
                + "#foreach($x in ['a','b'])$x#if($foreach.hasNext),#end#end", body(null)));
    }

    // §5 [U] VelocityRuntime.HYPHEN_IN_IDENTIFIERS: Velocity 1.7 read $a-b as one name.
    @Test
    void hyphensBelongToIdentifiers() {
        MappingInput input = Requests.request().header("x-api-key", "k1").input();
        assertEquals("k1", render("$input.params().header.x-api-key", input));
    }

    // Templates cannot read files: #parse and #include are refused when the template compiles (and there is
    // no resource loader behind them either).
    @Test
    void parseAndIncludeAreRefused() {
        TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class, () -> render("#parse('/etc/passwd')", body(null)));
        assertEquals("#parse is not available in API Gateway mapping templates (there are no other templates to read)",
                e.problem());
    }
}
