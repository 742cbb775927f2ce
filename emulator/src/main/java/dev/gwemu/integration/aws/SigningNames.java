package dev.gwemu.integration.aws;

import java.util.Locale;
import java.util.Map;

/**
 * The name a call to an AWS service is signed with (the credential scope's service). Usually the endpoint prefix
 * ({@code kinesis}, {@code sqs}, {@code states}, {@code events}, {@code s3}, {@code execute-api}, {@code lambda},
 * {@code dynamodb}, {@code sns}, {@code firehose}, {@code logs}, {@code monitoring}: all sign as themselves); the
 * exceptions below are every service model whose {@code signingName} differs from its {@code endpointPrefix} (botocore's
 * service models, 2026), less those that only add a subdomain to their signing name ({@code runtime.sagemaker},
 * {@code streams.dynamodb}, {@code api.ecr}: the last label is the name).
 */
final class SigningNames {
    /** Endpoint prefix to signing name, where the two differ by more than a subdomain. */
    private static final Map<String, String> DIFFERENT = Map.ofEntries(
            Map.entry("agent-registry-control", "agent-registry"),
            Map.entry("agreement-marketplace", "aws-marketplace"),
            Map.entry("api.tunneling.iot", "IoTSecuredTunneling"),
            Map.entry("appconfigdata", "appconfig"),
            Map.entry("appstream2", "appstream"),
            Map.entry("bedrock-agent", "bedrock"),
            Map.entry("bedrock-agent-runtime", "bedrock"),
            Map.entry("bedrock-agentcore-control", "bedrock-agentcore"),
            Map.entry("bedrock-data-automation", "bedrock"),
            Map.entry("bedrock-data-automation-runtime", "bedrock"),
            Map.entry("bedrock-runtime", "bedrock"),
            Map.entry("cassandra-streams", "cassandra"),
            Map.entry("catalog.marketplace", "aws-marketplace"),
            Map.entry("cloudhsmv2", "cloudhsm"),
            Map.entry("cloudsearchdomain", "cloudsearch"),
            Map.entry("contact-lens", "connect"),
            Map.entry("data-ats.iot", "iotdata"),
            Map.entry("data-signer", "signer"),
            Map.entry("data.jobs.iot", "iot-jobs-data"),
            Map.entry("deployment-marketplace", "aws-marketplace"),
            Map.entry("discovery-marketplace", "aws-marketplace"),
            Map.entry("email", "ses"),
            Map.entry("entitlement.marketplace", "aws-marketplace"),
            Map.entry("forecastquery", "forecast"),
            Map.entry("identity-chime", "chime"),
            Map.entry("ivsrealtime", "ivs"),
            Map.entry("mail-manager", "ses"),
            Map.entry("media-pipelines-chime", "chime"),
            Map.entry("meetings-chime", "chime"),
            Map.entry("memory-db", "memorydb"),
            Map.entry("messaging-chime", "chime"),
            Map.entry("metering.marketplace", "aws-marketplace"),
            Map.entry("migrationhub-config", "mgh"),
            Map.entry("models-v2-lex", "lex"),
            Map.entry("oidc", "sso-oauth"),
            Map.entry("participant.connect", "execute-api"),
            Map.entry("partnercentral-prm", "partnercentral"),
            Map.entry("personalize-events", "personalize"),
            Map.entry("personalize-runtime", "personalize"),
            Map.entry("pinpoint", "mobiletargeting"),
            Map.entry("portal.sso", "awsssoportal"),
            Map.entry("reporting-marketplace", "aws-marketplace"),
            Map.entry("runtime-v2-lex", "lex"),
            Map.entry("s3-control", "s3"),
            Map.entry("servicecatalog-appregistry", "servicecatalog"),
            Map.entry("sms-voice.pinpoint", "sms-voice"),
            Map.entry("voice-chime", "chime"));

    private SigningNames() {
    }

    /**
     * Looks up the endpoint prefix read from the AWS host ({@code runtime.lex} of
     * {@code runtime.lex.us-east-1.amazonaws.com}), then the service as the call names it; otherwise the service's
     * last label. IoT's data plane, whose host is account-specific ({@code abc123-ats.iot}), signs as {@code iotdata}.
     */
    static String of(ServiceCall call) {
        String prefix = endpointPrefix(call.host(), call.region());
        if (prefix != null) {
            String known = DIFFERENT.get(prefix);
            if (known != null) {
                return known;
            }
            if (prefix.endsWith("-ats.iot") || prefix.equals("data.iot")) {
                return "iotdata";
            }
        }
        String service = call.service().toLowerCase(Locale.ROOT);
        String known = DIFFERENT.get(service);
        if (known != null) {
            return known;
        }
        return service.substring(service.lastIndexOf('.') + 1);
    }

    /** What comes before {@code .{region}.} in the host, or null when the host does not name the region. */
    static String endpointPrefix(String host, String region) {
        if (host == null || region == null) {
            return null;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        int at = lower.indexOf('.' + region + '.');
        return at <= 0 ? null : lower.substring(0, at);
    }
}
