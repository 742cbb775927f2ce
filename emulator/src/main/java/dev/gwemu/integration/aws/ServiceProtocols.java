package dev.gwemu.integration.aws;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What gwemu knows of the AWS services an {@code AWS} integration calls: how each one speaks on the wire, and
 * whether API Gateway names the action in {@code X-Amz-Target} itself for {@code action/} uris. The README's
 * "AWS service integrations: the request API Gateway sends" section gives the sources and confidence of each fact.
 */
public final class ServiceProtocols {
    /** The AWS wire protocols (Smithy's names). */
    public enum WireProtocol {
        /** POST / with a JSON body, the operation in {@code X-Amz-Target}, {@code application/x-amz-json-1.0}. */
        AWS_JSON_1_0("application/x-amz-json-1.0"),
        /** The same with {@code application/x-amz-json-1.1}. */
        AWS_JSON_1_1("application/x-amz-json-1.1"),
        /** {@code Action=...&Param=...} in the query or a form body; XML answers, JSON when Accept asks for it. */
        AWS_QUERY("text/xml"),
        /** Resources in the path, XML bodies (S3). */
        REST_XML("application/xml"),
        /** Resources in the path, JSON bodies (Lambda). */
        REST_JSON("application/json");

        private final String contentType;

        WireProtocol(String contentType) {
            this.contentType = contentType;
        }

        /** The Content-Type of the protocol's bodies (answers; requests for the JSON protocols). */
        public String contentType() {
            return contentType;
        }

        public boolean isJson() {
            return this == AWS_JSON_1_0 || this == AWS_JSON_1_1;
        }
    }

    /**
     * One service.
     *
     * @param endpointPrefix    the name in the integration uri and in the host ({@code states}, not "stepfunctions")
     * @param protocol          how the service's SDKs talk to it
     * @param targetPrefix      the part before the dot in {@code X-Amz-Target} for the JSON protocols, else null
     * @param apiVersion        the API version (the query protocol's {@code Version}; part of some target prefixes)
     * @param gatewayAddsTarget whether gwemu adds {@code X-Amz-Target: {targetPrefix}.{Action}} to an
     *                          {@code action/} call that maps none: AWS accepts such calls without a mapped target
     *                          for these services, and LocalStack adds the header for exactly these [E]; for the
     *                          others (EventBridge) AWS needs the mapping [E]
     * @param xmlNamespace      the namespace of the service's XML answers, or null
     */
    public record ServiceProtocol(String endpointPrefix, WireProtocol protocol, String targetPrefix, String apiVersion,
                                  boolean gatewayAddsTarget, String xmlNamespace) {
        /** {@code X-Amz-Target} for an action, or null for services without one. */
        public String target(String action) {
            return targetPrefix == null ? null : targetPrefix + "." + action;
        }
    }

    /** SQS also speaks AWS JSON 1.0 when the request says {@code X-Amz-Target: AmazonSQS.*} [D]. */
    public static final String SQS_JSON_TARGET_PREFIX = "AmazonSQS";

    private static final Map<String, ServiceProtocol> KNOWN = Map.of(
            "kinesis", new ServiceProtocol("kinesis", WireProtocol.AWS_JSON_1_1, "Kinesis_20131202", "2013-12-02", true, null),
            // Firehose: whether AWS needs a mapped target is [U]; like EventBridge, gwemu leaves it to the mapping.
            "firehose", new ServiceProtocol("firehose", WireProtocol.AWS_JSON_1_1, "Firehose_20150804", "2015-08-04", false, null),
            "dynamodb", new ServiceProtocol("dynamodb", WireProtocol.AWS_JSON_1_0, "DynamoDB_20120810", "2012-08-10", true, null),
            "states", new ServiceProtocol("states", WireProtocol.AWS_JSON_1_0, "AWSStepFunctions", "2016-11-23", true, null),
            "events", new ServiceProtocol("events", WireProtocol.AWS_JSON_1_1, "AWSEvents", "2015-10-07", false, null),
            "sqs", new ServiceProtocol("sqs", WireProtocol.AWS_QUERY, null, "2012-11-05", false,
                    "http://queue.amazonaws.com/doc/2012-11-05/"),
            "sns", new ServiceProtocol("sns", WireProtocol.AWS_QUERY, null, "2010-03-31", false,
                    "http://sns.amazonaws.com/doc/2010-03-31/"),
            "s3", new ServiceProtocol("s3", WireProtocol.REST_XML, null, "2006-03-01", false,
                    "http://s3.amazonaws.com/doc/2006-03-01/"),
            // SSM's SDKs speak JSON 1.1, but an action/ call reaches it through the query protocol [E] (LocalStack).
            "ssm", new ServiceProtocol("ssm", WireProtocol.AWS_QUERY, null, "2014-11-06", false, null),
            "lambda", new ServiceProtocol("lambda", WireProtocol.REST_JSON, null, "2015-03-31", false, null));

    private ServiceProtocols() {
    }

    /** The facts for a service (its endpoint prefix, any case), or null when gwemu knows none. */
    public static ServiceProtocol of(String service) {
        return service == null ? null : KNOWN.get(service.toLowerCase(Locale.ROOT));
    }

    /** The endpoint prefixes gwemu knows. */
    public static Set<String> known() {
        return KNOWN.keySet();
    }

    /**
     * The service's endpoint host: {@code {service}.{region}.amazonaws.com}, or {@code {subdomain}.{service}...}
     * with the uri's subdomain (an S3 bucket: the virtual-hosted form) [D] (the uri's "{subdomain.service|service}").
     */
    public static String host(String subdomain, String service, String region) {
        String base = service + "." + region + ".amazonaws.com";
        return subdomain == null || subdomain.isEmpty() ? base : subdomain + "." + base;
    }
}
