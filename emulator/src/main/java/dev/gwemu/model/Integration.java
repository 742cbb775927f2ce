package dev.gwemu.model;

import dev.gwemu.mapping.ParameterSource;
import dev.gwemu.mapping.VtlTemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code x-amazon-apigateway-integration} of a method.
 *
 * @param type                the integration type
 * @param uri                 the integration URI, possibly with {@code ${stageVariables.x}} and {@code {param}}
 * @param httpMethod          the method API Gateway uses to call the integration (POST for Lambda); null or ANY: the client's
 * @param timeoutMillis       {@code timeoutInMillis}, default 29 000
 * @param requestParameters   {@code integration.request.{path|querystring|header}.NAME} to its source, in definition order
 * @param requestTemplates    content type to mapping template
 * @param passthroughBehavior what to do with a body no template matches
 * @param contentHandling     CONVERT_TO_TEXT / CONVERT_TO_BINARY for the request payload, or null
 * @param responses           the integration responses, in definition order
 * @param cacheKeyParameters  {@code method.request.*} values that make up the response cache key
 * @param cacheNamespace      groups the cache entries of methods that share them; null for the resource's own
 * @param credentials         the IAM role ARN API Gateway assumes to call an AWS service, or null
 */
public record Integration(IntegrationType type, String uri, String httpMethod, int timeoutMillis,
                          Map<String, ParameterSource> requestParameters, Map<String, VtlTemplate> requestTemplates,
                          PassthroughBehavior passthroughBehavior, ContentHandling contentHandling,
                          List<IntegrationResponse> responses, List<String> cacheKeyParameters, String cacheNamespace,
                          String credentials) {
    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;

    public Integration {
        requestParameters = Collections.unmodifiableMap(new LinkedHashMap<>(requestParameters));
        requestTemplates = Collections.unmodifiableMap(new LinkedHashMap<>(requestTemplates));
        responses = List.copyOf(responses);
        cacheKeyParameters = List.copyOf(cacheKeyParameters);
    }

    /** Without credentials (API Gateway's own permissions call the backend). */
    public Integration(IntegrationType type, String uri, String httpMethod, int timeoutMillis,
                       Map<String, ParameterSource> requestParameters, Map<String, VtlTemplate> requestTemplates,
                       PassthroughBehavior passthroughBehavior, ContentHandling contentHandling,
                       List<IntegrationResponse> responses, List<String> cacheKeyParameters, String cacheNamespace) {
        this(type, uri, httpMethod, timeoutMillis, requestParameters, requestTemplates, passthroughBehavior, contentHandling,
                responses, cacheKeyParameters, cacheNamespace, null);
    }

    /** An {@code AWS} integration calling an AWS service other than Lambda (Kinesis, SQS, S3, ...). */
    public boolean callsAwsService() {
        return type == IntegrationType.AWS && uri != null && !uri.contains(":lambda:path/");
    }

    /** True for Lambda proxy and non-proxy Lambda integrations (a {@code ...:lambda:path/...} URI). */
    public boolean callsLambda() {
        return type == IntegrationType.AWS_PROXY || (type == IntegrationType.AWS && uri != null && uri.contains(":lambda:path/"));
    }

    /** A proxy integration: no mapping. */
    public Integration(IntegrationType type, String uri, String httpMethod, int timeoutMillis) {
        this(type, uri, httpMethod, timeoutMillis, Map.of(), Map.of(), PassthroughBehavior.WHEN_NO_MATCH, null, List.of(),
                List.of(), null);
    }
}
