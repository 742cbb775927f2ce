package dev.gwemu.httpapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and validating x-amazon-apigateway-cors (data-plane.md §3.5). */
class CorsConfigurationTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    private static String refusal(String text) throws Exception {
        JsonNode node = json(text);
        return assertThrows(IllegalArgumentException.class, () -> CorsConfiguration.fromExtension(node)).getMessage();
    }

    @Test
    void readsEveryPropertyOfTheAwsExample() throws Exception {
        CorsConfiguration cors = CorsConfiguration.fromExtension(json("{'allowOrigins':['https://www.example.com'],"
                + "'allowCredentials':true,'exposeHeaders':['x-apigateway-header','x-amz-date'],'maxAge':3600,"
                + "'allowMethods':['GET','OPTIONS','POST'],'allowHeaders':['x-apigateway-header','content-type']}"));
        assertEquals(List.of("https://www.example.com"), cors.allowOrigins());
        assertEquals(List.of("GET", "OPTIONS", "POST"), cors.allowMethods());
        assertEquals(List.of("x-apigateway-header", "content-type"), cors.allowHeaders());
        assertEquals(List.of("x-apigateway-header", "x-amz-date"), cors.exposeHeaders());
        assertEquals(3600, cors.maxAge());
        assertTrue(cors.allowCredentials());
    }

    @Test
    void absentPropertiesAreEmptyUnsetAndFalse() throws Exception {
        CorsConfiguration cors = CorsConfiguration.fromExtension(json("{'allowOrigins':['*']}"));
        assertEquals(List.of(), cors.allowMethods());
        assertEquals(List.of(), cors.allowHeaders());
        assertEquals(List.of(), cors.exposeHeaders());
        assertNull(cors.maxAge());
        assertFalse(cors.allowCredentials());
    }

    @Test
    void credentialsWithStarOriginAreRefused() throws Exception {
        String reason = refusal("{'allowOrigins':['https://a.example','*'],'allowCredentials':true}");
        assertTrue(reason.contains("allowCredentials") && reason.contains("\"*\""), reason);
    }

    @Test
    void credentialsWithSchemeWildcardAreAccepted() throws Exception {
        // The answer echoes the origin, never "*", so browsers accept credentials.
        assertTrue(CorsConfiguration.fromExtension(json("{'allowOrigins':['https://*'],'allowCredentials':true}")).allowCredentials());
    }

    @Test
    void undocumentedWildcardFormsAreRefused() throws Exception {
        assertTrue(refusal("{'allowOrigins':['https://*.example.com']}").contains("https://*.example.com"));
        assertTrue(refusal("{'allowOrigins':['https://example.*']}").contains("not supported"));
        assertTrue(refusal("{'allowOrigins':['']}").contains("empty"));
    }

    @Test
    void maxAgeOutsideAwsBoundsIsRefused() throws Exception {
        assertTrue(refusal("{'maxAge':86401}").contains("maxAge 86401"));
        assertTrue(refusal("{'maxAge':-2}").contains("maxAge -2"));
        assertEquals(-1, CorsConfiguration.fromExtension(json("{'maxAge':-1}")).maxAge());
        assertEquals(86400, CorsConfiguration.fromExtension(json("{'maxAge':86400}")).maxAge());
    }

    @Test
    void wrongTypesAreRefusedWithTheProperty() throws Exception {
        assertTrue(refusal("{'maxAge':'300'}").contains("maxAge must be an integer"));
        assertTrue(refusal("{'maxAge':1.5}").contains("maxAge must be an integer"));
        assertTrue(refusal("{'allowCredentials':'true'}").contains("allowCredentials must be true or false"));
        assertTrue(refusal("{'allowOrigins':'*'}").contains("allowOrigins must be an array"));
        assertTrue(refusal("{'allowMethods':['GET',1]}").contains("allowMethods must hold strings"));
        assertTrue(refusal("{'allowOrigin':['*']}").contains("unknown property \"allowOrigin\""));
        assertTrue(refusal("[]").contains("must be an object"));
    }
}
