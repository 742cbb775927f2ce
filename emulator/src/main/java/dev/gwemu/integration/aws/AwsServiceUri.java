package dev.gwemu.integration.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code AWS} integration's uri, {@code arn:aws:apigateway:{region}:{subdomain.}{service}:action/{Action}} or
 * {@code ...:path/{path}} (AWS's "x-amazon-apigateway-integration object", {@code uri}).
 *
 * @param region    the service's region
 * @param subdomain the part before the service name ({@code my-bucket} of {@code my-bucket.s3}), or null
 * @param service   the service's endpoint prefix: {@code kinesis}, {@code sqs}, {@code states}, {@code s3}, ...
 * @param action    true for {@code action/{Action}}, false for {@code path/{path}}
 * @param target    the action name, or the path after {@code path/} (no leading slash; may hold {@code {name}}
 *                  placeholders, rendered per request)
 */
public record AwsServiceUri(String region, String subdomain, String service, boolean action, String target) {
    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:apigateway:([a-z0-9-]+):([A-Za-z0-9.{}_$-]+):(action|path)/(.*)");

    /** @throws IllegalArgumentException saying what is wrong */
    public static AwsServiceUri parse(String uri) {
        Matcher m = ARN.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an AWS service integration uri (arn:aws:apigateway:{region}:{service}:"
                    + "action/{Action} or ...:path/{path}): '" + uri + "'");
        }
        String host = m.group(2);
        int dot = host.lastIndexOf('.');
        String subdomain = dot < 0 ? null : host.substring(0, dot);
        String service = dot < 0 ? host : host.substring(dot + 1);
        boolean action = m.group(3).equals("action");
        if (m.group(4).isEmpty()) {
            throw new IllegalArgumentException("the uri names no " + (action ? "action" : "path") + " after '"
                    + m.group(3) + "/': '" + uri + "'");
        }
        return new AwsServiceUri(m.group(1), subdomain, service, action, m.group(4));
    }

    /** A Lambda function's invocation ({@code lambda:path/2015-03-31/functions/...}), served by the Lambda runtime. */
    public boolean isLambda() {
        return service.equals("lambda");
    }
}
