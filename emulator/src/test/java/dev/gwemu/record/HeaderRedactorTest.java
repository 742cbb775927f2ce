package dev.gwemu.record;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderRedactorTest {
    private static Map<String, List<String>> headers(String... nameValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.computeIfAbsent(nameValues[i], n -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return headers;
    }

    @Test
    void redactsCredentialsAndSessionsByDefaultWhateverTheCase() {
        Map<String, List<String>> redacted = HeaderRedactor.defaults().redact(headers(
                "authorization", "Bearer eyJ.secret", "X-API-KEY", "key-123", "Cookie", "sid=1", "Cookie", "theme=dark",
                "X-Amz-Security-Token", "FwoG...", "Proxy-Authorization", "Basic x", "Accept", "application/json"));
        assertEquals(List.of("REDACTED"), redacted.get("authorization"));
        assertEquals(List.of("REDACTED"), redacted.get("X-API-KEY"));
        assertEquals(List.of("REDACTED", "REDACTED"), redacted.get("Cookie"), "as many values as were sent");
        assertEquals(List.of("REDACTED"), redacted.get("X-Amz-Security-Token"));
        assertEquals(List.of("REDACTED"), redacted.get("Proxy-Authorization"));
        assertEquals(List.of("application/json"), redacted.get("Accept"));
        assertEquals(List.of("authorization", "X-API-KEY", "Cookie", "X-Amz-Security-Token", "Proxy-Authorization", "Accept"),
                List.copyOf(redacted.keySet()), "names and order kept");
    }

    @Test
    void moreNamesCanBeAddedAndNoneCanBeAsked() {
        HeaderRedactor more = HeaderRedactor.defaults().and(List.of("X-Session"));
        assertTrue(more.redacts("x-session"));
        assertTrue(more.redacts("Authorization"));
        assertEquals(List.of("REDACTED"), more.redact(headers("X-Session", "s")).get("X-Session"));
        assertFalse(HeaderRedactor.none().redacts("Authorization"));
        assertEquals(List.of("Bearer t"), HeaderRedactor.none().redact(headers("Authorization", "Bearer t")).get("Authorization"));
    }

    @Test
    void redactsRequestAndResponseOfAnExchange() {
        Exchange exchange = new Exchange(Instant.EPOCH,
                new Exchange.Request("GET", "/dev/me", "", headers("Authorization", "Bearer t"), new byte[0]),
                new Exchange.Response(200, headers("Set-Cookie", "sid=2; HttpOnly", "Content-Type", "text/plain"), new byte[]{'x'}),
                3, null);
        Exchange redacted = HeaderRedactor.defaults().redact(exchange);
        assertEquals(List.of("REDACTED"), redacted.request().headers().get("Authorization"));
        assertEquals(List.of("REDACTED"), redacted.response().headers().get("Set-Cookie"));
        assertEquals(List.of("text/plain"), redacted.response().headers().get("Content-Type"));
        assertEquals(3, redacted.latencyMs());
        assertSame(exchange, HeaderRedactor.none().redact(exchange));
    }
}
