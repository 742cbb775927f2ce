package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step Functions: StartExecution answers {@code {"executionArn", "startDate"}} [D][E], the execution ARN
 * {@code arn:aws:states:{region}:{account}:execution:{stateMachine}:{name}} in the state machine's region and
 * account, {@code name} the request's or a UUID, {@code startDate} epoch seconds with milliseconds. The state
 * machine is not run, and its type is unknown: an EXPRESS machine's ARN would say {@code express} [U].
 */
final class StepFunctionsCapture extends JsonServiceCapture {
    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:(aws[a-z-]*):states:([a-z0-9-]+):(\\d{12}):stateMachine:([A-Za-z0-9_-]{1,80})(:[A-Za-z0-9_.$-]+)?");

    StepFunctionsCapture() {
        super(ServiceProtocols.WireProtocol.AWS_JSON_1_0);
    }


    @Override
    JsonNode handle(String action, ObjectNode request, ServiceCall call, CaptureContext context) {
        require(request, "stateMachineArn");
        String arn = request.get("stateMachineArn").asText();
        Matcher m = STATE_MACHINE_ARN.matcher(arn);
        if (!m.matches()) {
            throw new CaptureFault(400, "InvalidArn", "Invalid Arn: '" + arn + "'");
        }
        if (present(request, "input")) {
            checkInput(request.get("input").asText());
        }
        String name = present(request, "name") ? request.get("name").asText() : UUID.randomUUID().toString();
        String executionArn = "arn:" + m.group(1) + ":states:" + m.group(2) + ":" + m.group(3) + ":execution:"
                + m.group(4) + ":" + name;
        BigDecimal startDate = BigDecimal.valueOf(context.now().toEpochMilli()).movePointLeft(3);
        return CaptureAnswers.JSON.createObjectNode().put("executionArn", executionArn).put("startDate", startDate);
    }

    /** The execution input must be a JSON text [D]. */
    private static void checkInput(String input) {
        try {
            CaptureAnswers.JSON.readTree(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CaptureFault(400, "InvalidExecutionInput",
                    "Invalid State Machine Execution Input: '" + e.getOriginalMessage() + "'");
        }
    }
}
