package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SQS answers beyond SendMessage's flat result: ReceiveMessage's list of messages and the result-less answers of
 * DeleteMessage and PurgeQueue, in the query protocol's XML [D] (API reference, "Query API" examples), its JSON
 * rendering under API Gateway's default Accept [E] ({@code ReceiveMessageResponse.ReceiveMessageResult.messages},
 * lower case, as AWS renders it), and AWS JSON 1.0 [D] ({@code {"Messages": [...]}}, {@code {}}).
 */
final class SqsAnswers {
    private static final String XMLNS = ServiceProtocols.of("sqs").xmlNamespace();

    private SqsAnswers() {
    }

    /**
     * @param attributes per message, the system attributes asked for (name to value, in order); empty when none
     */
    static ServiceAnswer received(ServiceCall call, boolean jsonProtocol, List<SqsQueues.Received> messages,
                                  List<Map<String, String>> attributes, String requestId, Instant now) {
        if (jsonProtocol) {
            ObjectNode body = CaptureAnswers.JSON.createObjectNode();
            if (!messages.isEmpty()) { // an empty receive is {} [D]: absent members are left out in JSON 1.0
                ArrayNode list = body.putArray("Messages");
                for (int i = 0; i < messages.size(); i++) {
                    ObjectNode m = list.addObject();
                    SqsQueues.Received r = messages.get(i);
                    m.put("MessageId", r.message().id());
                    m.put("ReceiptHandle", r.receiptHandle());
                    m.put("MD5OfBody", r.message().md5());
                    m.put("Body", r.message().body());
                    if (!attributes.get(i).isEmpty()) {
                        attributes.get(i).forEach(m.putObject("Attributes")::put);
                    }
                }
            }
            return CaptureAnswers.json(ServiceProtocols.WireProtocol.AWS_JSON_1_0, body, requestId, now);
        }
        if (CaptureAnswers.acceptsJson(call)) {
            ObjectNode body = CaptureAnswers.JSON.createObjectNode();
            ObjectNode response = body.putObject("ReceiveMessageResponse");
            ObjectNode result = response.putObject("ReceiveMessageResult");
            if (messages.isEmpty()) {
                result.putNull("messages");
            } else {
                ArrayNode list = result.putArray("messages");
                for (int i = 0; i < messages.size(); i++) {
                    SqsQueues.Received r = messages.get(i);
                    ObjectNode m = list.addObject();
                    if (attributes.get(i).isEmpty()) {
                        m.putNull("Attributes");
                    } else {
                        attributes.get(i).forEach(m.putObject("Attributes")::put);
                    }
                    m.put("Body", r.message().body());
                    m.put("MD5OfBody", r.message().md5());
                    m.putNull("MD5OfMessageAttributes");
                    m.putNull("MessageAttributes");
                    m.put("MessageId", r.message().id());
                    m.put("ReceiptHandle", r.receiptHandle());
                }
            }
            response.putObject("ResponseMetadata").put("RequestId", requestId);
            return CaptureAnswers.answer(200, "application/json", CaptureAnswers.bytes(body), "x-amzn-RequestId",
                    requestId, now);
        }
        StringBuilder xml = open("ReceiveMessage").append("<ReceiveMessageResult>");
        for (int i = 0; i < messages.size(); i++) {
            SqsQueues.Received r = messages.get(i);
            xml.append("<Message>");
            element(xml, "MessageId", r.message().id());
            element(xml, "ReceiptHandle", r.receiptHandle());
            element(xml, "MD5OfBody", r.message().md5());
            element(xml, "Body", r.message().body());
            attributes.get(i).forEach((name, value) -> {
                xml.append("<Attribute>");
                element(xml, "Name", name);
                element(xml, "Value", value);
                xml.append("</Attribute>");
            });
            xml.append("</Message>");
        }
        xml.append("</ReceiveMessageResult>");
        return close(xml, "ReceiveMessage", requestId, now);
    }

    /**
     * DeleteMessage and PurgeQueue: no result, only the request id ({@code <DeleteMessageResponse><ResponseMetadata>})
     * [D]; {@code {}} in JSON 1.0 [D].
     */
    static ServiceAnswer done(ServiceCall call, boolean jsonProtocol, String action, String requestId, Instant now) {
        if (jsonProtocol) {
            return CaptureAnswers.json(ServiceProtocols.WireProtocol.AWS_JSON_1_0, CaptureAnswers.JSON.createObjectNode(),
                    requestId, now);
        }
        if (CaptureAnswers.acceptsJson(call)) {
            ObjectNode body = CaptureAnswers.JSON.createObjectNode();
            body.putObject(action + "Response").putObject("ResponseMetadata").put("RequestId", requestId);
            return CaptureAnswers.answer(200, "application/json", CaptureAnswers.bytes(body), "x-amzn-RequestId",
                    requestId, now);
        }
        return close(open(action), action, requestId, now);
    }

    private static StringBuilder open(String action) {
        return new StringBuilder(512).append("<?xml version=\"1.0\"?><").append(action).append("Response xmlns=\"")
                .append(XMLNS).append("\">");
    }

    private static ServiceAnswer close(StringBuilder xml, String action, String requestId, Instant now) {
        xml.append("<ResponseMetadata>");
        element(xml, "RequestId", requestId);
        xml.append("</ResponseMetadata></").append(action).append("Response>");
        return CaptureAnswers.answer(200, "text/xml", xml.toString().getBytes(StandardCharsets.UTF_8),
                "x-amzn-RequestId", requestId, now);
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append('<').append(name).append('>').append(CaptureAnswers.escape(value)).append("</").append(name)
                .append('>');
    }
}
