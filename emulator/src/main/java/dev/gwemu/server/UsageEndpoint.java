package dev.gwemu.server;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.QueryString;
import dev.gwemu.usage.UsageCheck;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /_gwemu/usage?plan=NAME&from=yyyy-MM-dd&to=yyyy-MM-dd[&key=KEY_ID]}: a usage plan's
 * usage per key and day, shaped like API Gateway's GetUsage (security-and-operations.md §2.1).
 * Only this exact path is taken, so a stage named {@code _gwemu} still serves everything else.
 */
final class UsageEndpoint {
    static final String PATH = "/_gwemu/usage";

    private final UsageCheck usage;

    UsageEndpoint(UsageCheck usage) {
        this.usage = usage;
    }

    boolean handles(HttpRequest request) {
        return request.rawPath().equals(PATH) && request.method().equals("GET");
    }

    HttpResponse answer(HttpRequest request) {
        Map<String, String> query = QueryString.parse(request.rawQuery()).lastValues();
        String plan = query.get("plan");
        if (plan == null || !query.containsKey("from") || !query.containsKey("to")) {
            return json(400, "{\"message\":\"plan, from and to (yyyy-MM-dd) are required\"}");
        }
        try {
            return json(200, usage.report().json(plan, query.get("key"), query.get("from"), query.get("to")));
        } catch (IllegalArgumentException e) {
            int status = e.getMessage().startsWith("Invalid Usage Plan") ? 404 : 400;
            return json(status, "{\"message\":\"" + e.getMessage().replace("\"", "'") + "\"}");
        }
    }

    private static HttpResponse json(int status, String body) {
        return new HttpResponse(status, new HeaderList().add("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
