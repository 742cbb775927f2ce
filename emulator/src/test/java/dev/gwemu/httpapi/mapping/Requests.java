package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests and sources for the mapping tests. */
final class Requests {
    static final Map<String, String> CONTEXT = Map.of("requestId", "req-1", "authorizer.claims.sub", "user-7",
            "identity.sourceIp", "198.51.100.7");
    static final Map<String, String> STAGE_VARIABLES = Map.of("env", "dev", "backend_host", "api.example.com");
    static final Map<String, String> PATH_PARAMETERS = Map.of("petId", "17", "proxy", "a/b");

    private Requests() {
    }

    /** Headers written "Name: value" in order; body as UTF-8 text, null for none. */
    static HttpRequest request(String rawQuery, String body, String... headerLines) {
        return new HttpRequest("POST", "/dev/pets/17", rawQuery, headers(headerLines),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                "198.51.100.7", "HTTP/1.1", "http", 8080);
    }

    static HeaderList headers(String... headerLines) {
        HeaderList headers = new HeaderList();
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            headers.add(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return headers;
    }

    static MappingSources sources(HttpRequest request) {
        return new MappingSources(request, "/pets/17", PATH_PARAMETERS, STAGE_VARIABLES, CONTEXT::get);
    }

    /** The lines of one header, any case, as "value" strings in order. */
    static List<String> values(HeaderList headers, String name) {
        return headers.lines().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HeaderList.Header::value)
                .toList();
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, String> map(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
