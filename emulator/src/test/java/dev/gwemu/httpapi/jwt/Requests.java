package dev.gwemu.httpapi.jwt;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;

/** Requests as they reach the gateway. */
final class Requests {
    private Requests() {
    }

    static HttpRequest withHeader(String name, String value) {
        return request("", new HeaderList().add("Host", "api.local").add(name, value));
    }

    static HttpRequest withQuery(String rawQuery) {
        return request(rawQuery, new HeaderList().add("Host", "api.local"));
    }

    static HttpRequest bare() {
        return request("", new HeaderList().add("Host", "api.local"));
    }

    static HttpRequest request(String rawQuery, HeaderList headers) {
        return new HttpRequest("GET", "/orders", rawQuery, headers, new byte[0], "127.0.0.1", "HTTP/1.1", "http", 3000);
    }
}
