package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.gwemu.mapping.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** data-plane.md §6.2: gateway response templates are simple substitution, not VTL. */
class GatewayResponseTemplateTest {
    private static MappingInput errorInput(String message) {
        return request()
                .context("requestId", "req-1").context("stage", "dev").context("resourcePath", "/pets/{petId}")
                .context("error", Map.of("message", message, "messageString", "\"" + message + "\"", "responseType", "MISSING_AUTHENTICATION_TOKEN"))
                .stageVariable("a", "b")
                .path("petId", "42").query("q", "x", "y").header("Accept", "application/json").header("X-Multi", "1", "2")
                .input();
    }

    // §6.1 [V], §6.2: the default template; messageString is already quoted JSON.
    @Test
    void defaultTemplate() {
        assertEquals("{\"message\":\"Missing Authentication Token\"}",
                GatewayResponseTemplate.compile("{\"message\":$context.error.messageString}").render(errorInput("Missing Authentication Token")));
    }

    // §6.2 [D]: the documented customisation (console walkthrough), $context.* and $stageVariables.* substituted.
    @Test
    void contextAndStageVariables() {
        String template = "{\n     \"message\":$context.error.messageString,\n     \"type\": \"$context.error.responseType\",\n"
                + "     \"stage\": \"$context.stage\",\n     \"resourcePath\": \"$context.resourcePath\",\n"
                + "     \"stageVariables.a\": \"$stageVariables.a\",\n     \"statusCode\": \"'404'\"\n}";
        assertEquals("{\n     \"message\":\"Forbidden\",\n     \"type\": \"MISSING_AUTHENTICATION_TOKEN\",\n"
                + "     \"stage\": \"dev\",\n     \"resourcePath\": \"/pets/{petId}\",\n"
                + "     \"stageVariables.a\": \"b\",\n     \"statusCode\": \"'404'\"\n}",
                GatewayResponseTemplate.compile(template).render(errorInput("Forbidden")));
    }

    // §6.2 [U]: method request parameters as $method.request.LOCATION.NAME, braces allowed, multi-values joined.
    @Test
    void methodRequestParameters() {
        assertEquals("42 y x,y application/json 1,2 req-1 [] []",
                GatewayResponseTemplate.compile("$method.request.path.petId $method.request.querystring.q $method.request.multivaluequerystring.q "
                        + "${method.request.header.Accept} $method.request.multivalueheader.X-Multi ${context.requestId} "
                        + "[$method.request.header.accept] [$method.request.path.none]").render(errorInput("m")));
    }

    // §6.2 [D]: not VTL: unknown references render empty, directives and other $ text stay as written.
    @Test
    void notVtl() {
        assertEquals("[] [] #if($x)y#end $input.body $util ${nope} $method.request.body.a {\"message\":\"m\"}.",
                GatewayResponseTemplate.compile("[$context.nope.deeper] [$stageVariables.nope] #if($x)y#end $input.body $util ${nope} "
                        + "$method.request.body.a {\"message\":$context.error.messageString}.").render(errorInput("m")));
    }
}
