package dev.gwemu.bench.jmh;

import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resource sets shaped like real REST APIs, shared by the benchmarks. */
final class SampleApis {
    private static final Integration LAMBDA = new Integration(IntegrationType.AWS_PROXY,
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + "arn:aws:lambda:us-east-1:123456789012:function:pets/invocations",
            "POST", Integration.DEFAULT_TIMEOUT_MILLIS);

    private SampleApis() {
    }

    /**
     * {@code count} resources: the ten of a small pet-store API (literals, one- and two-parameter
     * paths, a root {@code /{proxy+}}), then, up to {@code count}, sections of ten resources each
     * ({@code /svc7/{id}/items/{itemId}/history}, {@code /svc7/admin/{proxy+}}, ...). Every path the
     * routing benchmark asks for is in the first ten, so both sizes answer the same requests.
     */
    static List<Resource> resources(int count) {
        List<Resource> all = new ArrayList<>(count);
        add(all, "/", "GET");
        add(all, "/health", "GET");
        add(all, "/pets", "GET", "POST");
        add(all, "/pets/{petId}", "GET", "PUT", "DELETE");
        add(all, "/pets/{petId}/owner", "GET");
        add(all, "/users", "GET", "POST");
        add(all, "/users/{userId}", "GET", "PATCH");
        add(all, "/users/{userId}/orders", "GET", "POST");
        add(all, "/users/{userId}/orders/{orderId}", "GET");
        add(all, "/{proxy+}", "ANY");
        String[] section = {"", "/{id}", "/{id}/details", "/{id}/items", "/{id}/items/{itemId}",
                "/{id}/items/{itemId}/history", "/search", "/batch", "/admin", "/admin/{proxy+}"};
        for (int s = 0; all.size() < count; s++) {
            for (int i = 0; i < section.length && all.size() < count; i++) {
                String path = "/svc" + s + section[i];
                if (path.endsWith("+}")) {
                    add(all, path, "ANY");
                } else if (i % 3 == 0) {
                    add(all, path, "GET", "POST");
                } else {
                    add(all, path, "GET");
                }
            }
        }
        return all;
    }

    private static void add(List<Resource> all, String path, String... httpMethods) {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (String m : httpMethods) {
            methods.put(m, new Method(m, m.toLowerCase() + "Op" + all.size(), LAMBDA));
        }
        all.add(new Resource(String.format("r%05d", all.size()), path, methods));
    }
}
