package dev.gwemu.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.integration.aws.CapturedCalls;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;

import java.nio.charset.StandardCharsets;

/**
 * The captured AWS service calls, for tests and people: {@code GET /_gwemu/aws-calls} (every service's, as
 * {@code {"kinesis": [...], "sqs": [...]}}), {@code GET /_gwemu/aws-calls/{service}} (one service's, oldest first)
 * and {@code DELETE /_gwemu/aws-calls} (forget them all, e.g. between tests). Only these exact paths are taken.
 */
public final class AwsCallsEndpoint {
    static final String PATH = "/_gwemu/aws-calls";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapturedCalls calls;
    private final Runnable forget;

    /** @param forget forgets the calls and what capture built from them (queues, items) */
    public AwsCallsEndpoint(CapturedCalls calls, Runnable forget) {
        this.calls = calls;
        this.forget = forget;
    }

    public boolean handles(HttpRequest request) {
        String path = request.rawPath();
        return path.equals(PATH) || path.startsWith(PATH + "/") && path.indexOf('/', PATH.length() + 1) < 0;
    }

    public HttpResponse answer(HttpRequest request) {
        String path = request.rawPath();
        String service = path.length() > PATH.length() ? path.substring(PATH.length() + 1) : null;
        switch (request.method()) {
            case "GET" -> {
                if (service == null) {
                    ObjectNode all = JSON.createObjectNode();
                    for (String name : calls.services()) {
                        calls.read(name).forEach(all.withArray(name)::add);
                    }
                    return json(200, all.toString());
                }
                try {
                    ArrayNode list = JSON.createArrayNode();
                    calls.read(service).forEach(list::add);
                    return json(200, list.toString());
                } catch (IllegalArgumentException e) {
                    return json(400, JSON.createObjectNode().put("message", e.getMessage()).toString());
                }
            }
            case "DELETE" -> {
                if (service != null) {
                    return json(405, "{\"message\":\"DELETE " + PATH + " forgets every service's calls\"}");
                }
                forget.run();
                return new HttpResponse(204, new HeaderList(), new byte[0]);
            }
            default -> {
                return json(405, "{\"message\":\"GET or DELETE\"}");
            }
        }
    }

    private static HttpResponse json(int status, String body) {
        return new HttpResponse(status, new HeaderList().add("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
