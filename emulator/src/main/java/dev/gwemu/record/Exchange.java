package dev.gwemu.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded exchange: the request as the target got it, the target's response, and how long the target took.
 * An exchange whose target could not be reached has an {@code error} and no response.
 *
 * @param time      when the request arrived at the recording proxy
 * @param latencyMs from forwarding the request to the whole response read
 * @param error     why there is no response (the target refused, timed out ...), else null
 */
public record Exchange(Instant time, Request request, Response response, long latencyMs, String error) {
    public Exchange {
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("an exchange has either a response or an error");
        }
    }

    /**
     * @param path  the path as sent, percent-encoding kept
     * @param query the query string as sent without '?', or "" when there is none
     * @param headers every header line by name, names spelled as sent (first spelling), values in order
     * @param body  the body bytes, empty when none
     */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public Request {
            headers = Headers.copy(headers);
            query = query == null ? "" : query;
            body = body == null ? new byte[0] : body;
        }

        /** The path and query as on the request line. */
        public String target() {
            return query.isEmpty() ? path : path + "?" + query;
        }
    }

    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public Response {
            headers = Headers.copy(headers);
            body = body == null ? new byte[0] : body;
        }
    }

    /** Header maps as recorded: ordered, names as spelled, read ignoring case as HTTP does. */
    public static final class Headers {
        private Headers() {
        }

        static Map<String, List<String>> copy(Map<String, List<String>> headers) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            if (headers != null) {
                headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            }
            return Collections.unmodifiableMap(copy);
        }

        /** Every value of a header, whatever the case of its name in the map; empty when absent. */
        public static List<String> values(Map<String, List<String>> headers, String name) {
            List<String> found = new ArrayList<>();
            headers.forEach((key, values) -> {
                if (key.equalsIgnoreCase(name)) {
                    found.addAll(values);
                }
            });
            return found;
        }

        public static String first(Map<String, List<String>> headers, String name) {
            List<String> values = values(headers, name);
            return values.isEmpty() ? null : values.get(0);
        }
    }
}
