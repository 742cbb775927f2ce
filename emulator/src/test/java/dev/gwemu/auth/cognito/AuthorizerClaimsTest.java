package dev.gwemu.auth.cognito;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Claim values as {@code requestContext.authorizer.claims} shows them (security-and-operations.md §3.2 [obs]). */
class AuthorizerClaimsTest {
    private static Map<String, String> render(String json) throws Exception {
        return AuthorizerClaims.render(new ObjectMapper().readTree(json));
    }

    @Test
    void expAndIatAreJavaDatesInUtcAndOtherTimesStayNumbers() throws Exception {
        Map<String, String> claims = render("{\"exp\":1704067200,\"iat\":1709251199,\"auth_time\":1704067200,\"nbf\":1704067200}");

        assertEquals("Mon Jan 01 00:00:00 UTC 2024", claims.get("exp"));
        assertEquals("Thu Feb 29 23:59:59 UTC 2024", claims.get("iat"));
        assertEquals("1704067200", claims.get("auth_time"));
        assertEquals("1704067200", claims.get("nbf"));
    }

    @Test
    void arraysAreJoinedWithCommasAsRestApisDo() throws Exception {
        Map<String, String> claims = render("{\"cognito:groups\":[\"admin\",\"users\",\"\"],\"amr\":[\"pwd\"],\"ids\":[1,true]}");

        assertEquals("admin,users,", claims.get("cognito:groups"));
        assertEquals("pwd", claims.get("amr"));
        assertEquals("1,true", claims.get("ids"));
    }

    @Test
    void scalarsAreTheirJsonTextAndObjectsCompactJson() throws Exception {
        Map<String, String> claims = render("{\"email_verified\":false,\"custom:level\":7,\"custom:ratio\":0.5,"
                + "\"custom:none\":null,\"identities\":[{\"providerName\":\"Google\",\"primary\":true}],\"custom:note\":\"a \\\"b\\\"\"}");

        assertEquals("false", claims.get("email_verified"));
        assertEquals("7", claims.get("custom:level"));
        assertEquals("0.5", claims.get("custom:ratio"));
        assertEquals("null", claims.get("custom:none"));
        assertEquals("{\"providerName\":\"Google\",\"primary\":true}", claims.get("identities"));
        assertEquals("a \"b\"", claims.get("custom:note"));
    }
}
