package dev.gwemu.samples.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.Map;

/**
 * GET /hello/{name}: 200 {@code {"name":"<name>"}}, the benchmark's handler (scripts/bench).
 *
 * <p>It answers exactly what serverless-offline's peer sample answers
 * ({@code ../shared/bench/peer/setup.sh}: {@code {statusCode: 200, body: JSON.stringify({name})}}):
 * the same body byte for byte and no headers of its own, so both emulators do the same work around
 * the same function. It neither logs nor allocates more than the response.
 */
public class Hello implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        Map<String, String> pathParameters = request.getPathParameters();
        String name = pathParameters == null ? null : pathParameters.get("name");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withBody(body(name));
    }

    /** {@code JSON.stringify({name})}: a missing name is dropped, as JavaScript drops an undefined property. */
    static String body(String name) {
        if (name == null) {
            return "{}";
        }
        StringBuilder json = new StringBuilder(name.length() + 12).append("{\"name\":\"");
        appendEscaped(json, name);
        return json.append("\"}").toString();
    }

    /** JSON.stringify's string escaping (ECMA-262 QuoteJSONString), lone surrogates included. */
    static void appendEscaped(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean loneSurrogate = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || loneSurrogate) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
