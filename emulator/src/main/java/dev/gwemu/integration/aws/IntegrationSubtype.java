package dev.gwemu.integration.aws;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AWS service actions an HTTP API route can call without a Lambda ("Integration subtype reference" of the API
 * Gateway developer guide): the subtype's name, the service and action it calls, and its parameters as the
 * reference lists them (required ones first). {@code Region} is every subtype's optional parameter.
 */
public enum IntegrationSubtype {
    EVENTBRIDGE_PUT_EVENTS("EventBridge-PutEvents", "events", "PutEvents",
            List.of("Detail", "DetailType", "Source"), List.of("Time", "EventBusName", "Resources", "TraceHeader")),
    SQS_SEND_MESSAGE("SQS-SendMessage", "sqs", "SendMessage", List.of("QueueUrl", "MessageBody"),
            List.of("DelaySeconds", "MessageAttributes", "MessageDeduplicationId", "MessageGroupId",
                    "MessageSystemAttributes")),
    SQS_RECEIVE_MESSAGE("SQS-ReceiveMessage", "sqs", "ReceiveMessage", List.of("QueueUrl"),
            List.of("AttributeNames", "MaxNumberOfMessages", "MessageAttributeNames", "ReceiveRequestAttemptId",
                    "VisibilityTimeout", "WaitTimeSeconds")),
    SQS_DELETE_MESSAGE("SQS-DeleteMessage", "sqs", "DeleteMessage", List.of("ReceiptHandle", "QueueUrl"), List.of()),
    SQS_PURGE_QUEUE("SQS-PurgeQueue", "sqs", "PurgeQueue", List.of("QueueUrl"), List.of()),
    APPCONFIG_GET_CONFIGURATION("AppConfig-GetConfiguration", "appconfig", "GetConfiguration",
            List.of("Application", "Environment", "Configuration", "ClientId"), List.of("ClientConfigurationVersion")),
    KINESIS_PUT_RECORD("Kinesis-PutRecord", "kinesis", "PutRecord", List.of("StreamName", "Data", "PartitionKey"),
            List.of("SequenceNumberForOrdering", "ExplicitHashKey")),
    STEPFUNCTIONS_START_EXECUTION("StepFunctions-StartExecution", "states", "StartExecution",
            List.of("StateMachineArn"), List.of("Name", "Input")),
    STEPFUNCTIONS_START_SYNC_EXECUTION("StepFunctions-StartSyncExecution", "states", "StartSyncExecution",
            List.of("StateMachineArn"), List.of("Name", "Input", "TraceHeader")),
    STEPFUNCTIONS_STOP_EXECUTION("StepFunctions-StopExecution", "states", "StopExecution",
            List.of("ExecutionArn"), List.of("Cause", "Error"));

    /** The optional parameter of every subtype: the region of the service called, the API's when unset. */
    public static final String REGION = "Region";

    private final String subtypeName;
    private final String service;
    private final String action;
    private final List<String> required;
    private final Set<String> parameters;

    IntegrationSubtype(String subtypeName, String service, String action, List<String> required, List<String> optional) {
        this.subtypeName = subtypeName;
        this.service = service;
        this.action = action;
        this.required = required;
        Set<String> all = new LinkedHashSet<>(required);
        all.addAll(optional);
        all.add(REGION);
        this.parameters = java.util.Collections.unmodifiableSet(all);
    }

    /** The subtype as written in {@code integrationSubtype}, e.g. {@code SQS-SendMessage}. */
    public String subtypeName() {
        return subtypeName;
    }

    /** The endpoint prefix of the service called ({@code states} for Step Functions): awsServices' key. */
    public String service() {
        return service;
    }

    public String action() {
        return action;
    }

    public List<String> required() {
        return required;
    }

    /** Every parameter it takes, required ones first. */
    public Set<String> parameters() {
        return parameters;
    }

    /** The subtype named so (exactly, as API Gateway's enum), or null. */
    public static IntegrationSubtype named(String name) {
        for (IntegrationSubtype subtype : values()) {
            if (subtype.subtypeName.equals(name)) {
                return subtype;
            }
        }
        return null;
    }

    /** Every subtype's name, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(IntegrationSubtype::subtypeName).collect(Collectors.joining(", "));
    }
}
