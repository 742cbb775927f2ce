package dev.gwemu.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of an exchange, one object per line of a recording (format version {@value #VERSION}):
 * <pre>
 * {"gwemu":1,"time":"2025-01-02T03:04:05.678Z","latencyMs":12,
 *  "request":{"method":"POST","path":"/dev/pets","query":"a=1","headers":{"Content-Type":["application/json"]},"body":"{}"},
 *  "response":{"status":201,"headers":{...},"body":"..."}}
 * </pre>
 * A body is {@code body} when it is valid UTF-8 (so the text round-trips exactly) and {@code bodyBase64} otherwise;
 * an empty body and an empty query are left out. An exchange whose target failed has {@code error} instead of
 * {@code response}. Reading is strict: unknown fields are errors, so a misspelt field in a hand-written line is
 * reported rather than ignored.
 */
public final class ExchangeJson {
    /** The format version written in {@code "gwemu"}; readers refuse versions they do not know. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> EXCHANGE_FIELDS = Set.of("gwemu", "time", "latencyMs", "request", "response", "error");
    private static final Set<String> REQUEST_FIELDS = Set.of("method", "path", "query", "headers", "body", "bodyBase64");
    private static final Set<String> RESPONSE_FIELDS = Set.of("status", "headers", "body", "bodyBase64");

    private ExchangeJson() {
    }

    /** The exchange as one line of JSON, without the line break. */
    public static String write(Exchange exchange) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("gwemu", VERSION);
        if (exchange.time() != null) {
            line.put("time", exchange.time().truncatedTo(ChronoUnit.MILLIS).toString());
        }
        line.put("latencyMs", exchange.latencyMs());
        Exchange.Request request = exchange.request();
        ObjectNode req = line.putObject("request");
        req.put("method", request.method());
        req.put("path", request.path());
        if (!request.query().isEmpty()) {
            req.put("query", request.query());
        }
        writeHeaders(req, request.headers());
        writeBody(req, request.body());
        if (exchange.response() != null) {
            ObjectNode res = line.putObject("response");
            res.put("status", exchange.response().status());
            writeHeaders(res, exchange.response().headers());
            writeBody(res, exchange.response().body());
        } else {
            line.put("error", exchange.error());
        }
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /**
     * @throws ExchangeFormatException why the line is no exchange
     */
    public static Exchange read(String line) {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ExchangeFormatException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ExchangeFormatException("not a JSON object");
        }
        checkFields(root, EXCHANGE_FIELDS, "");
        JsonNode version = root.get("gwemu");
        if (version == null || !version.isInt()) {
            throw new ExchangeFormatException("no \"gwemu\" format version (this gwemu writes " + VERSION + ")");
        }
        if (version.intValue() != VERSION) {
            throw new ExchangeFormatException("format version " + version.intValue() + " is not one this gwemu reads ("
                    + VERSION + "); it may come from a newer gwemu");
        }
        Instant time = null;
        if (root.has("time")) {
            try {
                time = Instant.parse(text(root, "time", "/time"));
            } catch (DateTimeParseException e) {
                throw new ExchangeFormatException("/time is not an ISO-8601 instant such as 2025-01-02T03:04:05.678Z: "
                        + root.get("time").asText());
            }
        }
        long latency = 0;
        if (root.has("latencyMs")) {
            if (!root.get("latencyMs").canConvertToLong() || !root.get("latencyMs").isIntegralNumber()) {
                throw new ExchangeFormatException("/latencyMs is not a whole number of milliseconds");
            }
            latency = root.get("latencyMs").longValue();
        }
        Exchange.Request request = request(object(root, "request", "/request"));
        boolean hasResponse = root.has("response");
        boolean hasError = root.has("error");
        if (hasResponse == hasError) {
            throw new ExchangeFormatException(hasResponse ? "both \"response\" and \"error\": an exchange has one"
                    : "neither \"response\" nor \"error\"");
        }
        return hasResponse ? new Exchange(time, request, response(object(root, "response", "/response")), latency, null)
                : new Exchange(time, request, null, latency, text(root, "error", "/error"));
    }

    private static Exchange.Request request(JsonNode node) {
        checkFields(node, REQUEST_FIELDS, "/request");
        String path = text(node, "path", "/request/path");
        if (!path.startsWith("/")) {
            throw new ExchangeFormatException("/request/path does not start with '/': " + path);
        }
        String query = node.has("query") ? text(node, "query", "/request/query") : "";
        return new Exchange.Request(text(node, "method", "/request/method"), path, query,
                headers(node, "/request"), body(node, "/request"));
    }

    private static Exchange.Response response(JsonNode node) {
        checkFields(node, RESPONSE_FIELDS, "/response");
        JsonNode status = node.get("status");
        if (status == null || !status.isInt() || status.intValue() < 100 || status.intValue() > 599) {
            throw new ExchangeFormatException("/response/status is not an HTTP status (100 to 599)");
        }
        return new Exchange.Response(status.intValue(), headers(node, "/response"), body(node, "/response"));
    }

    private static Map<String, List<String>> headers(JsonNode parent, String at) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode node = parent.get("headers");
        if (node == null) {
            return headers;
        }
        if (!node.isObject()) {
            throw new ExchangeFormatException(at + "/headers is not an object of header names");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            String where = at + "/headers/" + header.getKey();
            List<String> values = new ArrayList<>();
            JsonNode value = header.getValue();
            if (value.isTextual()) { // a convenience for hand-written lines
                values.add(value.textValue());
            } else if (value.isArray()) {
                for (JsonNode v : value) {
                    if (!v.isTextual()) {
                        throw new ExchangeFormatException(where + " has a value that is not a string");
                    }
                    values.add(v.textValue());
                }
            } else {
                throw new ExchangeFormatException(where + " is neither a string nor an array of strings");
            }
            headers.put(header.getKey(), values);
        }
        return headers;
    }

    private static byte[] body(JsonNode parent, String at) {
        if (parent.has("body") && parent.has("bodyBase64")) {
            throw new ExchangeFormatException(at + " has both body and bodyBase64");
        }
        if (parent.has("body")) {
            return text(parent, "body", at + "/body").getBytes(StandardCharsets.UTF_8);
        }
        if (parent.has("bodyBase64")) {
            try {
                return Base64.getDecoder().decode(text(parent, "bodyBase64", at + "/bodyBase64"));
            } catch (IllegalArgumentException e) {
                throw new ExchangeFormatException(at + "/bodyBase64 is not base64: " + e.getMessage());
            }
        }
        return new byte[0];
    }

    private static void writeHeaders(ObjectNode parent, Map<String, List<String>> headers) {
        if (headers.isEmpty()) {
            return;
        }
        ObjectNode node = parent.putObject("headers");
        headers.forEach((name, values) -> {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        });
    }

    private static void writeBody(ObjectNode parent, byte[] body) {
        if (body.length == 0) {
            return;
        }
        String text = BodyContent.utf8(body);
        if (text != null) {
            parent.put("body", text);
        } else {
            parent.put("bodyBase64", Base64.getEncoder().encodeToString(body));
        }
    }

    private static void checkFields(JsonNode node, Set<String> known, String at) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ExchangeFormatException("unknown field " + at + "/" + name + " (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static JsonNode object(JsonNode parent, String name, String at) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new ExchangeFormatException(at + (node == null ? " is missing" : " is not an object"));
        }
        return node;
    }

    private static String text(JsonNode parent, String name, String at) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isTextual()) {
            throw new ExchangeFormatException(at + (node == null ? " is missing" : " is not a string"));
        }
        return node.textValue();
    }
}
