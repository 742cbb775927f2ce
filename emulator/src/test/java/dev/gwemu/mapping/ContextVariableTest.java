package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.gwemu.mapping.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data-plane.md §5.4, {@code $context}, and the overrides of §4.1 step 5 and §4.2. */
class ContextVariableTest {
    private static MappingInput contextInput() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", "203.0.113.7");
        identity.put("user", null);
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("principalId", "me");
        authorizer.put("claims", Map.of("sub", "abc"));
        return request().context("requestId", "req-1").context("requestTimeEpoch", 1700000000000L)
                .context("identity", identity).context("authorizer", authorizer).input();
    }

    // §5.4 [D]: $context.X and nested objects navigated with dots; null and unknown values render empty.
    @Test
    void contextIsNavigable() {
        assertEquals("req-1 1700000000000 203.0.113.7 [] me abc [] []",
                render("$context.requestId $context.requestTimeEpoch $context.identity.sourceIp [$context.identity.user] "
                        + "$context.authorizer.principalId $context.authorizer.claims.sub [$context.nope] [$context.identity.nope.deeper]", contextInput()));
    }

    // §5.4, with LocalStack's AWS-recorded snapshot test_sqs_amz_json_protocol: objects inside $context print as
    // nothing, yet list their keys; requestOverride has path, header and querystring, responseOverride header.
    @Test
    void contextObjectsPrintAsNothing() {
        assertEquals("[][][][] path,header,querystring header sourceIp,user",
                render("[$context.identity][$context.get('identity')][$context.requestOverride][$context.responseOverride] "
                        + "#foreach($k in $context.requestOverride.keySet())$k#if($foreach.hasNext),#end#end "
                        + "#foreach($k in $context.responseOverride.keySet())$k#end "
                        + "#foreach($k in $context.identity.keySet())$k#if($foreach.hasNext),#end#end", contextInput()));
    }

    // A template's #set on $context changes its own copy only.
    @Test
    void templateCannotChangeThePipelinesContext() {
        MappingInput input = contextInput();
        assertEquals("changed", render("#set($context.requestId = 'changed')$context.requestId", input));
        assertEquals("req-1", input.context().get("requestId"));
    }

    // §4.2 [V] (test_integration_mock_with_response_override_in_request_template): status 444.
    @Test
    void responseStatusOverride() {
        Overrides overrides = new Overrides();
        assertEquals("444", VtlTemplate.compile("t", "#set($context.responseOverride.status = 444)$context.responseOverride.status")
                .render(contextInput(), overrides));
        assertEquals(444, overrides.responseStatus());
    }

    // §4.2 [E] Overrides.validStatus: only an integer in 100..599 counts; anything else is ignored.
    @Test
    void invalidStatusOverridesAreIgnored() {
        for (String value : new String[]{"99", "600", "\"444\"", "444.0", "'abc'", "$input.path('$.none')"}) {
            Overrides overrides = new Overrides();
            VtlTemplate.compile("t", "#set($context.responseOverride.status = " + value + ")").render(contextInput(), overrides);
            assertNull(overrides.responseStatus(), value);
        }
        Overrides overrides = new Overrides();
        VtlTemplate.compile("t", "#set($context.responseOverride.status = 100)").render(contextInput(), overrides);
        assertEquals(100, overrides.responseStatus());
        assertTrue(Overrides.validStatus(599L) == 599 && Overrides.validStatus(600) == null);
    }

    // §4.1 step 5, §4.2 [D]: header, querystring and path overrides land in Overrides, values as text.
    @Test
    void requestAndResponseOverridesLand() {
        Overrides overrides = new Overrides();
        String template = "#set($context.requestOverride.header.X-Trace = \"t-$context.requestId\")"
                + "#set($context.requestOverride.querystring.page = 2)"
                + "#set($context.requestOverride.path.petId = $input.params('id'))"
                + "#set($context.responseOverride.header['Cache-Control'] = 'no-store')"
                + "$context.requestOverride.header.X-Trace";
        MappingInput input = request().path("id", "42").context("requestId", "r9").input();
        assertEquals("t-r9", VtlTemplate.compile("t", template).render(input, overrides));
        assertEquals(Map.of("X-Trace", "t-r9"), overrides.requestHeaders());
        assertEquals(Map.of("page", "2"), overrides.requestQuery());
        assertEquals(Map.of("petId", "42"), overrides.requestPath());
        assertEquals(Map.of("Cache-Control", "no-store"), overrides.responseHeaders());
        assertNull(overrides.responseStatus());
    }

    // §4.2 [V]: overrides set in the request template are seen by the response template (same Overrides).
    @Test
    void requestTemplateOverridesCarryOverToTheResponseTemplate() {
        Overrides overrides = new Overrides();
        VtlTemplate.compile("request", "#set($context.responseOverride.status = 444){\"statusCode\": 200}").render(contextInput(), overrides);
        String response = VtlTemplate.compile("response", "status=$context.responseOverride.status").render(contextInput(), overrides);
        assertEquals("status=444", response);
        assertEquals(444, overrides.responseStatus());
    }

    // OverrideViews.REPEATED_OVERRIDE_FAILS, from AWS's override docs [D]: "Overrides are final ... If you try to
    // override the same parameter multiple times, API Gateway returns a 5XX response."
    @Test
    void overridingTheSameParameterTwiceFails() {
        TemplateRenderException e = assertThrows(TemplateRenderException.class, () -> VtlTemplate.compile("t",
                "#set($context.requestOverride.header.a = '1')\n#set($context.requestOverride.header.A = '2')").render(contextInput(), new Overrides()));
        assertEquals("t:2:6: $context.requestOverride.header.A is overridden more than once; an override may be set only once", e.getMessage());
        Overrides overrides = new Overrides();
        VtlTemplate.compile("t", "#set($context.requestOverride.header.a = '1')#set($context.requestOverride.querystring.a = '2')")
                .render(contextInput(), overrides);
        assertEquals("{a=1} {a=2}", overrides.requestHeaders() + " " + overrides.requestQuery());
    }

    private static String render(String template, MappingInput input) {
        return Requests.render(template, input);
    }
}
