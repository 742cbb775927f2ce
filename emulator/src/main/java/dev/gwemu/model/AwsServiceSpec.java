package dev.gwemu.model;

import java.net.URI;

/**
 * How gwemu serves one AWS service's {@code AWS} integration calls (api.yaml {@code awsServices}).
 *
 * @param service         the endpoint prefix in integration uris: {@code kinesis}, {@code sqs}, {@code s3}, ...
 * @param mode            captured locally (the default) or forwarded
 * @param endpoint        FORWARD: where calls go (a LocalStack, ElasticMQ, DynamoDB Local, or a real endpoint)
 * @param accessKeyId     FORWARD: the key calls are signed with (SigV4)
 * @param secretAccessKey FORWARD: its secret
 * @param sessionToken    FORWARD: a session token, or null
 */
public record AwsServiceSpec(String service, Mode mode, URI endpoint, String accessKeyId, String secretAccessKey,
                             String sessionToken) {
    /** How calls are served. */
    public enum Mode {
        /** Appended to {@code .gwemu/aws-calls/{service}.jsonl} and answered as the service would. */
        CAPTURE,
        /** Signed and sent to {@link #endpoint()}; the service's answer flows back. */
        FORWARD
    }

    /** A service with no settings: captured. */
    public static AwsServiceSpec captured(String service) {
        return new AwsServiceSpec(service, Mode.CAPTURE, null, null, null, null);
    }
}
