package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.pipeline.HeaderList;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request API Gateway sends for an HTTP API AWS service integration ({@link IntegrationSubtype}), before
 * signing: each action in the wire protocol its service's SDKs speak (README, "HTTP API AWS service integrations:
 * the request API Gateway sends", which tags each choice):
 * <ul>
 * <li>SQS: the query protocol, {@code POST} to the queue's path with a form body {@code Action, Version, QueueUrl,
 *     ...} [E] (the client receives SQS's XML); map-valued parameters given as JSON are flattened as the SDKs do.</li>
 * <li>Kinesis: AWS JSON 1.1, {@code Kinesis_20131202.PutRecord}; {@code Data} base64-encoded for the client [U].</li>
 * <li>Step Functions: AWS JSON 1.0, {@code AWSStepFunctions.*}, members in camel case ({@code stateMachineArn});
 *     StartSyncExecution to the {@code sync-states} host [D] (the service's endpoint for it).</li>
 * <li>EventBridge: AWS JSON 1.1, {@code AWSEvents.PutEvents} with one entry.</li>
 * <li>AppConfig: REST JSON, {@code GET /applications/{a}/environments/{e}/configurations/{c}?client_id=...}.</li>
 * </ul>
 * A parameter without a value for this request is left out; the service then answers what it answers to that.
 */
public final class SubtypeCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private SubtypeCalls() {
    }

    /**
     * @param parameters    the subtype's parameters evaluated for this request (missing ones absent)
     * @param defaultRegion the API's region, used unless {@code Region} is given
     * @param credentials   the integration's role ARN, or null
     * @param apiId         for {@code User-Agent}; may be null
     * @param traceRoot     for {@code X-Amzn-Trace-Id}; may be null
     */
    public static ServiceCall build(IntegrationSubtype subtype, Map<String, String> parameters, String defaultRegion,
                                    String credentials, String apiId, String traceRoot) {
        String region = parameters.getOrDefault(IntegrationSubtype.REGION, defaultRegion);
        HeaderList headers = new HeaderList();
        if (apiId != null) {
            headers.add("User-Agent", "AmazonAPIGateway_" + apiId);
        }
        ServiceCall call = switch (subtype.service()) {
            case "sqs" -> sqs(subtype, parameters, region, headers, credentials);
            case "appconfig" -> appConfig(parameters, region, headers, credentials);
            default -> json(subtype, parameters, region, headers, credentials);
        };
        if (traceRoot != null) {
            call.headers().set("X-Amzn-Trace-Id", "Root=" + traceRoot);
        }
        return call;
    }

    private static ServiceCall sqs(IntegrationSubtype subtype, Map<String, String> p, String region, HeaderList headers,
                                   String credentials) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", subtype.action());
        form.put("Version", ServiceProtocols.of("sqs").apiVersion());
        for (String name : subtype.parameters()) {
            String value = p.get(name);
            if (value == null || name.equals(IntegrationSubtype.REGION)) {
                continue;
            }
            switch (name) {
                case "MessageAttributes" -> attributes(form, "MessageAttribute", value);
                case "MessageSystemAttributes" -> attributes(form, "MessageSystemAttribute", value);
                case "AttributeNames" -> list(form, "AttributeName", value);
                case "MessageAttributeNames" -> list(form, "MessageAttributeName", value);
                default -> form.put(name, value);
            }
        }
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        headers.add("Content-Type", FORM);
        String host = ServiceProtocols.host(null, "sqs", region);
        return new ServiceCall("sqs", region, subtype.action(), "POST", host, queuePath(p.get("QueueUrl")), "",
                headers, body.toString().getBytes(StandardCharsets.UTF_8), credentials);
    }

    /** The queue URL's path ({@code /123456789012/orders}), or {@code /} when it is no URL with one. */
    static String queuePath(String queueUrl) {
        if (queueUrl == null) {
            return "/";
        }
        try {
            String path = URI.create(queueUrl.trim()).getRawPath();
            return path == null || path.isEmpty() || !queueUrl.contains("://") ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** {@code {"name": {"DataType": "String", "StringValue": "x"}}} as {@code Prefix.1.Name=name&Prefix.1.Value.DataType=...}. */
    private static void attributes(Map<String, String> form, String prefix, String value) {
        JsonNode node = parse(value);
        if (node == null || !node.isObject()) {
            form.put(prefix + "s", value); // not JSON: sent as written, for the service to refuse
            return;
        }
        int i = 1;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> attribute = it.next();
            String at = prefix + "." + i;
            form.put(at + ".Name", attribute.getKey());
            attribute.getValue().fields().forEachRemaining(member ->
                    form.put(at + ".Value." + member.getKey(), member.getValue().asText()));
        }
    }

    /** A JSON array, or comma-separated text, as {@code Prefix.1=a&Prefix.2=b}. */
    private static void list(Map<String, String> form, String prefix, String value) {
        List<String> items = items(value);
        for (int i = 0; i < items.size(); i++) {
            form.put(prefix + "." + (i + 1), items.get(i));
        }
    }

    private static ServiceCall appConfig(Map<String, String> p, String region, HeaderList headers, String credentials) {
        String path = "/applications/" + segment(p.get("Application")) + "/environments/" + segment(p.get("Environment"))
                + "/configurations/" + segment(p.get("Configuration"));
        StringBuilder query = new StringBuilder();
        if (p.get("ClientId") != null) {
            query.append("client_id=").append(encode(p.get("ClientId")));
        }
        if (p.get("ClientConfigurationVersion") != null) {
            query.append(query.isEmpty() ? "" : "&").append("client_configuration_version=")
                    .append(encode(p.get("ClientConfigurationVersion")));
        }
        return new ServiceCall("appconfig", region, "GetConfiguration", "GET",
                ServiceProtocols.host(null, "appconfig", region), path, query.toString(), headers, new byte[0], credentials);
    }

    private static ServiceCall json(IntegrationSubtype subtype, Map<String, String> p, String region, HeaderList headers,
                                    String credentials) {
        ServiceProtocols.ServiceProtocol facts = ServiceProtocols.of(subtype.service());
        ObjectNode body = JSON.createObjectNode();
        switch (subtype.service()) {
            case "kinesis" -> {
                for (String name : subtype.parameters()) {
                    String value = p.get(name);
                    if (value != null && !name.equals(IntegrationSubtype.REGION)) {
                        body.put(name, name.equals("Data")
                                ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value);
                    }
                }
            }
            case "states" -> {
                for (String name : subtype.parameters()) {
                    String value = p.get(name);
                    if (value != null && !name.equals(IntegrationSubtype.REGION)) {
                        body.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), value);
                    }
                }
            }
            case "events" -> body.putArray("Entries").add(eventEntry(subtype, p));
            default -> throw new IllegalStateException("no JSON protocol for " + subtype);
        }
        headers.add("Content-Type", facts.protocol().contentType());
        headers.add("X-Amz-Target", facts.target(subtype.action()));
        String host = ServiceProtocols.host(null, subtype == IntegrationSubtype.STEPFUNCTIONS_START_SYNC_EXECUTION
                ? "sync-states" : subtype.service(), region);
        return new ServiceCall(subtype.service(), region, subtype.action(), "POST", host, "/", "", headers,
                body.toString().getBytes(StandardCharsets.UTF_8), credentials);
    }

    private static ObjectNode eventEntry(IntegrationSubtype subtype, Map<String, String> p) {
        ObjectNode entry = JSON.createObjectNode();
        for (String name : subtype.parameters()) {
            String value = p.get(name);
            if (value == null || name.equals(IntegrationSubtype.REGION)) {
                continue;
            }
            switch (name) {
                case "Resources" -> {
                    ArrayNode resources = entry.putArray("Resources");
                    items(value).forEach(resources::add);
                }
                case "Time" -> time(entry, value);
                default -> entry.put(name, value);
            }
        }
        return entry;
    }

    /** AWS JSON timestamps are epoch seconds: a number as given, an ISO-8601 instant converted, else the text. */
    private static void time(ObjectNode entry, String value) {
        try {
            entry.put("Time", new java.math.BigDecimal(value.trim()));
            return;
        } catch (NumberFormatException ignored) {
            // not a number: try an instant
        }
        try {
            entry.put("Time", Instant.parse(value.trim()).getEpochSecond());
        } catch (DateTimeParseException e) {
            entry.put("Time", value);
        }
    }

    /** A JSON array's items as text, or the comma-separated parts of anything else. */
    static List<String> items(String value) {
        JsonNode node = parse(value);
        List<String> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(item -> items.add(item.isTextual() ? item.asText() : item.toString()));
        } else {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    private static String segment(String value) {
        return value == null ? "" : encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
