package dev.gwemu.httpapi.jwt;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a refused request gets back: status, exact body, exact {@code www-authenticate}. */
final class Refusals {
    static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";

    private Refusals() {
    }

    static GatewayException assertUnauthorized(String description, Executable call) {
        return assertRefused(401, UNAUTHORIZED,
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"", call);
    }

    static GatewayException assertForbidden(Executable call) {
        return assertRefused(403, FORBIDDEN,
                "Bearer scope=\"\" error=\"insufficient_scope\" error_description=\"the token does not have a valid scope\"", call);
    }

    static GatewayException assertRefused(int status, String body, String challenge, Executable call) {
        GatewayException refused = assertThrows(GatewayException.class, call);
        assertEquals(status, refused.status(), refused.detail());
        assertEquals(body, new String(refused.fixedBody(), StandardCharsets.UTF_8));
        assertEquals(List.of(new HeaderList.Header("www-authenticate", challenge)), refused.headers(), refused.detail());
        return refused;
    }
}
