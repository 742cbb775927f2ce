package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;

import static dev.gwemu.mapping.Requests.body;
import static dev.gwemu.mapping.Requests.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data-plane.md §5.3, {@code $util}. */
class UtilVariableTest {
    // §5.3 [D][U]: Commons Lang 2 escapeJavaScript: quote, double quote, backslash and slash escaped, control characters short or as backslash-u00XX,
    // everything above 0x7F as upper-case backslash-uXXXX (a supplementary character as its two surrogates), DEL as is.
    @Test
    void escapeJavaScriptFollowsCommonsLang2() {
        String raw = "it's \"q\" \\ / \n\t\r\b\f\u0001\u001f é € \u0100 \uD83D\uDE00 \u007f <x>";
        String escaped = "it\\'s \\\"q\\\" \\\\ \\/ \\n\\t\\r\\b\\f\\u0001\\u001F \\u00E9 \\u20AC \\u0100 \\uD83D\\uDE00 \u007f <x>";
        assertEquals(escaped, JavaScriptEscape.escape(raw));
        assertEquals(escaped, render("$util.escapeJavaScript($input.body)", body(raw)));
    }

    // §5.3 [D]: the documented way back to valid JSON, and a missing value escaping to nothing.
    @Test
    void escapeJavaScriptInTemplates() {
        assertEquals("{\"q\": \"it's\"} [] 12", render("{\"q\": \"$util.escapeJavaScript($input.path('$.q')).replaceAll(\"\\\\'\",\"'\")\"} "
                + "[$util.escapeJavaScript($input.path('$.none'))] $util.escapeJavaScript($input.path('$.n'))", body("{\"q\": \"it's\", \"n\": 12}")));
    }

    // §5.3 [V] (test_input_body_formatting, url-encode route): URLEncoder over UTF-8; a missing value gives "".
    @Test
    void urlEncodeIsFormEncoding() {
        String template = "EncodedBody=$util.urlEncode($input.body)&EncodedBodyAccess=$util.urlEncode($input.body.testAccess)";
        assertEquals("EncodedBody=%7B%7D&EncodedBodyAccess=", render(template, body(null)));
        assertEquals("EncodedBody=%7B%22some%22%3A+%22value%22%7D&EncodedBodyAccess=", render(template, body("{\"some\": \"value\"}")));
        assertEquals("EncodedBody=some+raw+data&EncodedBodyAccess=", render(template, body("some raw data")));
        assertEquals("a%3Db%2Bc*.-_%7E%C3%A9", render("$util.urlEncode($input.body)", body("a=b+c*.-_~é")));
    }

    // §5.3 [D]: form decoding, + is a space.
    @Test
    void urlDecodeIsFormDecoding() {
        assertEquals("a b=c é|", render("$util.urlDecode($input.body)|$util.urlDecode($input.path('$.none'))", body("a+b%3Dc+%C3%A9")));
    }

    // §5.3 [D]: standard base64 with padding over UTF-8, and back.
    @Test
    void base64RoundTrip() {
        assertEquals("aMOpbGxvIHfDtnJsZA== héllo wörld",
                render("$util.base64Encode($input.body) $util.base64Decode($util.base64Encode($input.body))", body("héllo wörld")));
        assertEquals("|", render("$util.base64Encode($input.path('$.none'))|$util.base64Decode($input.path('$.none'))", body("{}")));
    }

    // §5.3 [D]: parseJson turns a JSON string into navigable values.
    @Test
    void parseJsonGivesNavigableValues() {
        MappingInput input = body("{\"s\": \"{\\\"key\\\": {\\\"arr\\\": [7, 8]}}\"}");
        assertEquals("7 2 {key={arr=[7,8]}}", render("#set($o = $util.parseJson($input.path('$.s')))$o.key.arr[0] $o.key.arr.size() $o", input));
    }

    // Invalid input to $util fails the render.
    @Test
    void parseJsonOfNonJsonFails() {
        TemplateRenderException e = assertThrows(TemplateRenderException.class, () -> render("$util.parseJson('{bad')", body(null)));
        assertTrue(e.getMessage().startsWith("test:1:7: not JSON: "), e.getMessage());
    }
}
