package dev.gwemu.integration.aws;

import dev.gwemu.pipeline.HeaderList;

/**
 * One request API Gateway sends to an AWS service for an {@code AWS} integration, as it sends it, before signing.
 *
 * @param service     the endpoint prefix ({@code kinesis}, {@code sqs}, ...)
 * @param region      the region of the integration uri
 * @param action      the API action ({@code PutRecord}, {@code SendMessage}, {@code PutObject}, ...): the uri's for
 *                    {@code action/} uris, derived from the method and path for {@code path/} ones; null when unknown
 * @param method      the HTTP method
 * @param host        the service endpoint's host, e.g. {@code kinesis.us-east-1.amazonaws.com}
 * @param path        the request path, percent-encoded, starting with {@code /}
 * @param query       the raw query string without {@code ?}, or "" for none
 * @param headers     the headers API Gateway sends (mapped ones, {@code Content-Type}, {@code X-Amz-Target}, ...)
 * @param body        the body (the rendered template or the passed-through payload)
 * @param credentials the integration's {@code credentials} (an IAM role ARN), or null
 */
public record ServiceCall(String service, String region, String action, String method, String host, String path,
                          String query, HeaderList headers, byte[] body, String credentials) {
}
