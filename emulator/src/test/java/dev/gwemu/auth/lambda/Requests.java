package dev.gwemu.auth.lambda;

import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.routing.RouteMatch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the request of the spec's authorizer fixtures, routed: {@code GET /dev/pets/42} on {@code /pets/{petId}} of
 * API b3kx9p2qde, stage dev (deployment wtsh3b), with the fixture's ids and time.
 */
final class Requests {
    static final String API_ID = "b3kx9p2qde";
    static final String ACCOUNT = "123456789012";
    static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:b3kx9p2qde/dev/GET/pets/42";
    static final RequestIds FIXTURE_IDS = new RequestIds("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "Qt5m8GvTIAMEbXw=",
            "1-67d3f65d-5e1c0a4b2d7f9e3c1a6b8d04", Instant.ofEpochMilli(1741944413123L));

    private final HeaderList headers = new HeaderList()
            .add("Accept", "application/json")
            .add("Host", "b3kx9p2qde.execute-api.us-east-1.amazonaws.com")
            .add("User-Agent", "curl/8.5.0");
    private String query = "";
    private final Map<String, String> stageVariables = new LinkedHashMap<>();
    private String deploymentId = "wtsh3b";

    static Requests get() {
        return new Requests();
    }

    Requests header(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /** The raw query string, without '?'. */
    Requests query(String raw) {
        query = raw;
        return this;
    }

    Requests stageVariable(String name, String value) {
        stageVariables.put(name, value);
        return this;
    }

    /** The stage as another deployment of it (a canary) serves it. */
    Requests deployment(String id) {
        deploymentId = id;
        return this;
    }

    Invocation invocation() {
        Stage stage = new Stage("dev", deploymentId, stageVariables);
        Resource resource = new Resource("7f3k2a", "/pets/{petId}", Map.of("GET", new Method("GET", null, null)));
        // The fixtures show a REGIONAL endpoint (no CloudFront headers).
        Api api = new Api("petstore", API_ID, ApiType.REST, Path.of("openapi.yaml"), List.of(resource),
                Map.of("dev", stage), List.of(), Map.of(), "HEADER", dev.gwemu.model.EndpointType.REGIONAL, List.of(), null);
        HttpRequest request = new HttpRequest("GET", "/dev/pets/42", query, headers, new byte[0], "198.51.100.7",
                "HTTP/1.1", "https", 443);
        Invocation inv = new Invocation(request, FIXTURE_IDS, api, stage, "/pets/42", "/dev/pets/42");
        inv.route(new RouteMatch(resource, resource.methods().get("GET"), Map.of("petId", "42")));
        return inv;
    }
}
