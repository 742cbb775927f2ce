package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Answers shaped as each wire protocol shapes them (README, "Capture: the answers"): the JSON protocols' bodies and
 * {@code {"__type": ..., "message": ...}} errors, the query protocol's {@code {Action}Response} in XML or, when the
 * call accepts JSON (API Gateway's default Accept), its JSON rendering [E], and S3's XML errors. Every answer
 * carries Content-Type, Content-Length, Date and the service's request-id header.
 */
final class CaptureAnswers {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The HTTP date (IMF-fixdate, RFC 9110): two-digit day, unlike RFC_1123_DATE_TIME's. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private CaptureAnswers() {
    }

    // ------------------------------------------------------------------------------------------------------------
    // JSON protocols

    static ServiceAnswer json(ServiceProtocols.WireProtocol protocol, JsonNode body, String requestId, Instant now) {
        return answer(200, protocol.contentType(), bytes(body), "x-amzn-RequestId", requestId, now);
    }

    /** A JSON-protocol error; SDKs read the type after any {@code namespace#} [D] (AWS JSON protocol spec). */
    static ServiceAnswer jsonError(ServiceProtocols.WireProtocol protocol, int status, String type, String message,
                                   String requestId, Instant now) {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        ServiceAnswer answer = answer(status, protocol.contentType(), bytes(body), "x-amzn-RequestId", requestId, now);
        answer.headers().put("x-amzn-ErrorType", List.of(type));
        return answer;
    }

    /** DynamoDB answers carry the CRC32 of the body, which its SDKs check [D]. */
    static ServiceAnswer withCrc32(ServiceAnswer answer) {
        CRC32 crc = new CRC32();
        crc.update(answer.body());
        answer.headers().put("x-amz-crc32", List.of(Long.toString(crc.getValue())));
        return answer;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Query protocol

    /** Whether a query-protocol call gets JSON: only when its Accept names application/json [E] (SSM, SQS). */
    static boolean acceptsJson(ServiceCall call) {
        String accept = call.headers().last("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    /**
     * {@code <{Action}Response><{Action}Result>...</...><ResponseMetadata><RequestId>}; in JSON every member of
     * the result, null ones included, as AWS renders it [E] (the SSM and SQS answers LocalStack recorded).
     *
     * @param result the result's members in order; null values are left out of the XML
     */
    static ServiceAnswer query(ServiceCall call, String action, String xmlNamespace, Map<String, String> result,
                               String requestId, Instant now) {
        if (acceptsJson(call)) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode response = body.putObject(action + "Response");
            ObjectNode members = response.putObject(action + "Result");
            result.forEach(members::put);
            response.putObject("ResponseMetadata").put("RequestId", requestId);
            return answer(200, "application/json", bytes(body), "x-amzn-RequestId", requestId, now);
        }
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\"?>");
        xml.append('<').append(action).append("Response");
        if (xmlNamespace != null) {
            xml.append(" xmlns=\"").append(xmlNamespace).append('"');
        }
        xml.append("><").append(action).append("Result>");
        result.forEach((name, value) -> {
            if (value != null) {
                element(xml, name, value);
            }
        });
        xml.append("</").append(action).append("Result><ResponseMetadata>");
        element(xml, "RequestId", requestId);
        xml.append("</ResponseMetadata></").append(action).append("Response>");
        return answer(200, "text/xml", xml.toString().getBytes(StandardCharsets.UTF_8), "x-amzn-RequestId",
                requestId, now);
    }

    /** {@code <ErrorResponse><Error><Type>Sender</Type><Code>...}, or its JSON rendering [U]. */
    static ServiceAnswer queryError(ServiceCall call, String xmlNamespace, int status, String code, String message,
                                    String requestId, Instant now) {
        if (acceptsJson(call)) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("Error").put("Code", code).put("Message", message).put("Type", "Sender");
            body.put("RequestId", requestId);
            return answer(status, "application/json", bytes(body), "x-amzn-RequestId", requestId, now);
        }
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\"?><ErrorResponse");
        if (xmlNamespace != null) {
            xml.append(" xmlns=\"").append(xmlNamespace).append('"');
        }
        xml.append("><Error><Type>Sender</Type>");
        element(xml, "Code", code);
        element(xml, "Message", message);
        xml.append("<Detail/></Error>");
        element(xml, "RequestId", requestId);
        xml.append("</ErrorResponse>");
        return answer(status, "text/xml", xml.toString().getBytes(StandardCharsets.UTF_8), "x-amzn-RequestId",
                requestId, now);
    }

    // ------------------------------------------------------------------------------------------------------------
    // S3

    /** S3's error document [D] (S3 API reference, "Error responses"). */
    static ServiceAnswer s3Error(int status, String code, String message, String key, String requestId, Instant now) {
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        element(xml, "Code", code);
        element(xml, "Message", message);
        if (key != null) {
            element(xml, "Key", key);
        }
        element(xml, "RequestId", requestId);
        element(xml, "HostId", hostId(requestId));
        xml.append("</Error>");
        ServiceAnswer answer = answer(status, "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8),
                "x-amz-request-id", requestId, now);
        answer.headers().put("x-amz-id-2", List.of(hostId(requestId)));
        return answer;
    }

    static String hostId(String requestId) {
        return java.util.Base64.getEncoder().encodeToString(requestId.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------------------

    /** An answer with the common headers; the headers map is mutable and case-insensitive. */
    static ServiceAnswer answer(int status, String contentType, byte[] body, String requestIdHeader, String requestId,
                                Instant now) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        headers.put("Content-Length", List.of(Integer.toString(body.length)));
        headers.put("Date", List.of(httpDate(now)));
        headers.put(requestIdHeader, List.of(requestId));
        return new ServiceAnswer(status, headers, body);
    }

    static String httpDate(Instant time) {
        return HTTP_DATE.format(time);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
