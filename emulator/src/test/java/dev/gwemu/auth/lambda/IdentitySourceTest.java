package dev.gwemu.auth.lambda;

import dev.gwemu.pipeline.Invocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity sources (security-and-operations.md §3.3, Configuration) read from one request. */
class IdentitySourceTest {
    private final Invocation inv = Requests.get()
            .header("Authorization", "first").header("authorization", "second")
            .query("tag=a&tag=b&empty=").stageVariable("authMode", "strict").invocation();

    private String read(String expression) {
        return IdentitySource.parse(expression, Requests.ACCOUNT).read(inv);
    }

    @ParameterizedTest
    @CsvSource({
            "method.request.header.AUTHORIZATION, second",
            "method.request.querystring.tag, b",
            "method.request.querystring.empty, ''",
            "stageVariables.authMode, strict",
            "context.identity.sourceIp, 198.51.100.7",
            "context.identity.userAgent, curl/8.5.0",
            "context.stage, dev",
            "context.requestId, c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "context.httpMethod, GET",
            "context.resourcePath, /pets/{petId}",
            "context.path, /dev/pets/42",
            "context.apiId, b3kx9p2qde",
            "context.accountId, 123456789012",
            "context.deploymentId, wtsh3b",
            "context.domainPrefix, b3kx9p2qde",
    })
    void readsTheValueAsTheRestOfTheGatewaySeesIt(String expression, String expected) {
        assertEquals(expected, read(expression));
    }

    @Test
    void whatTheRequestDoesNotHaveIsNull() {
        assertNull(read("method.request.header.X-Missing"));
        assertNull(read("method.request.querystring.missing"));
        assertNull(read("stageVariables.missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"method.request.path.id", "method.request.header.", "request.header.Auth", "context.authorizer.principalId",
            "context.error.message", "stageVariable.x"})
    void anythingElseIsRefusedWhenParsed(String expression) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdentitySource.parse(expression, Requests.ACCOUNT));
        assertTrue(e.getMessage().contains(expression), e.getMessage());
    }

    @Test
    void theSupportedContextVariablesAreListedForLoadTimeChecks() {
        assertTrue(IdentitySource.CONTEXT_VARIABLES.contains("identity.sourceIp"));
        for (String name : IdentitySource.CONTEXT_VARIABLES) {
            IdentitySource.parse("context." + name, Requests.ACCOUNT).read(inv);
        }
    }
}
