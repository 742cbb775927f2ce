package dev.gwemu.integration.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * SNS Publish (query protocol only): {@code PublishResponse} with {@code MessageId}, in XML or, for API Gateway's
 * default {@code Accept: application/json}, in JSON [E]. Needs {@code Message} and one of TopicArn, TargetArn or
 * PhoneNumber [D]; the error codes are SNS's, the messages [U].
 */
final class SnsCapture implements ServiceCapture {
    private static final String XMLNS = ServiceProtocols.of("sns").xmlNamespace();


    @Override
    public boolean answersUnnamedCalls() {
        return true;
    }

    @Override
    public ServiceAnswer answer(ServiceCall call, CaptureContext context) {
        try {
            if (call.action() == null) {
                throw new CaptureFault(400, "MissingAction",
                        "The request is missing an action or a required parameter.");
            }
            QueryParameters params = QueryParameters.of(call);
            if (params.first("TopicArn") == null && params.first("TargetArn") == null
                    && params.first("PhoneNumber") == null) {
                throw new CaptureFault(400, "InvalidParameter",
                        "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
            }
            if (params.first("Message") == null) {
                throw new CaptureFault(400, "ValidationError", "1 validation error detected: Value null at 'message' "
                        + "failed to satisfy constraint: Member must not be null");
            }
            Map<String, String> result = new LinkedHashMap<>();
            result.put("MessageId", UUID.randomUUID().toString());
            result.put("SequenceNumber", null);
            return CaptureAnswers.query(call, "Publish", XMLNS, result, context.requestId(), context.now());
        } catch (CaptureFault fault) {
            return CaptureAnswers.queryError(call, XMLNS, fault.status(), fault.code(), fault.getMessage(),
                    context.requestId(), context.now());
        }
    }
}
