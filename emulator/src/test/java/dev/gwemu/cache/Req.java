package dev.gwemu.cache;

import dev.gwemu.pipeline.HeaderList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link CacheRequest}s for tests: a GET method, the resource path as namespace, no key parameters unless told. */
final class Req {
    private String resourcePath = "/pets";
    private String methodVerb = "GET";
    private String requestVerb = "GET";
    private CacheKeyTemplate template;
    private final Map<String, String> path = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final HeaderList headers = new HeaderList();
    private boolean mayInvalidate;

    static Req get(String resourcePath) {
        Req r = new Req();
        r.resourcePath = resourcePath;
        r.template = CacheKeyTemplate.of(resourcePath, List.of());
        return r;
    }

    Req method(String defined, String sent) {
        methodVerb = defined;
        requestVerb = sent;
        return this;
    }

    Req keys(String namespace, String... cacheKeyParameters) {
        template = CacheKeyTemplate.of(namespace, List.of(cacheKeyParameters));
        return this;
    }

    Req path(String name, String value) {
        path.put(name, value);
        return this;
    }

    Req query(String name, String... values) {
        query.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    Req header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    Req maxAgeZero() {
        return header("Cache-Control", "max-age=0");
    }

    Req authorised() {
        mayInvalidate = true;
        return this;
    }

    CacheRequest build() {
        return new CacheRequest(resourcePath, methodVerb, requestVerb, template, path, query, headers, mayInvalidate);
    }

    static CachedResponse response(int status, String body, String... headerNamesAndValues) {
        List<HeaderList.Header> hs = new ArrayList<>();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            hs.add(new HeaderList.Header(headerNamesAndValues[i], headerNamesAndValues[i + 1]));
        }
        return new CachedResponse(status, hs, body.getBytes(StandardCharsets.UTF_8));
    }

    static String bodyOf(CachedResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
