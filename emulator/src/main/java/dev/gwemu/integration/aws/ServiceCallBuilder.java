package dev.gwemu.integration.aws;

import dev.gwemu.integration.HttpBackend;
import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.QueryString;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the request API Gateway sends to an AWS service for an {@code AWS} integration, before signing (README,
 * "AWS service integrations: the request API Gateway sends"):
 * <ul>
 * <li>{@code action/{Action}&P1=v1...}: the integration's method to {@code /} with the query
 *     {@code Action={Action}&P1=v1...} [D], then the mapped query parameters; no {@code Version} [U].</li>
 * <li>{@code path/{path}}: the integration's method to {@code /{path}} ({@code {name}} placeholders rendered from
 *     the path values) with the mapped query parameters [D].</li>
 * <li>Host {@code {subdomain.}{service}.{region}.amazonaws.com} [D].</li>
 * <li>Headers as for a non-proxy HTTP integration [E]: {@code Accept: application/json}, {@code User-Agent:
 *     AmazonAPIGateway_{apiId}}, the client's {@code Content-Type} when its method has a body, the mapped headers
 *     over those, then {@code X-Amzn-Trace-Id}; no {@code X-Amzn-Apigateway-Api-Id}.</li>
 * <li>{@code X-Amz-Target: {prefix}.{Action}} added to {@code action/} calls of the services
 *     {@link ServiceProtocols.ServiceProtocol#gatewayAddsTarget()} marks, unless mapped [E].</li>
 * </ul>
 * gwemu adds no {@code Content-Type} of its own [U]: AWS's tutorials map one ({@code 'application/x-amz-json-1.1'}
 * for Kinesis, {@code 'application/x-www-form-urlencoded'} for an SQS form body).
 */
public final class ServiceCallBuilder {
    /** What non-proxy integrations send as Accept unless mapped [E]; the query protocol then answers JSON [E]. */
    static final String DEFAULT_ACCEPT = "application/json";
    /**
     * Mapping these fails every call with 500 [E] (LocalStack's AWS-integration list; the HTTP part is [V],
     * data-plane.md §8.3).
     */
    static final Set<String> ILLEGAL_MAPPED = caseInsensitive("Content-Length", "Transfer-Encoding",
            "X-Amzn-Trace-Id", "X-Amzn-Apigateway-Api-Id", "Authorization", "Connection", "Expect",
            "Proxy-Authenticate", "TE");
    /** Never sent to an AWS service, even when set by a template's requestOverride [E]. */
    static final Set<String> DROPPED = caseInsensitive("Expect", "Proxy-Authenticate", "TE", "Referer");
    private static final Set<String> NO_BODY_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AwsServiceUri uri;
    private final Map<String, String> stageVariables;
    private Map<String, String> pathValues = Map.of();
    private String integrationMethod;
    private String clientMethod = "POST";
    private String clientContentType;
    private Map<String, String> mappedHeaders = Map.of();
    private Map<String, List<String>> mappedQuery = Map.of();
    private byte[] body = new byte[0];
    private String credentials;
    private String apiId;
    private String traceRoot;

    private ServiceCallBuilder(AwsServiceUri uri, Map<String, String> stageVariables) {
        this.uri = uri;
        this.stageVariables = stageVariables;
    }

    /** For a uri parsed already (stage variables substituted). */
    public static ServiceCallBuilder of(AwsServiceUri uri) {
        return new ServiceCallBuilder(uri, Map.of());
    }

    /**
     * For the integration's uri as written: {@code ${stageVariables.x}} substituted first (the whole
     * {@code action/...} part may be one), then parsed.
     *
     * @throws GatewayException 500 when the result is no AWS service uri
     */
    public static ServiceCallBuilder of(String uri, Map<String, String> stageVariables) {
        String rendered = LambdaFunctionUri.substitute(uri, stageVariables);
        try {
            return new ServiceCallBuilder(AwsServiceUri.parse(rendered), stageVariables);
        } catch (IllegalArgumentException e) {
            throw GatewayException.configurationError("Execution failed due to configuration error: " + e.getMessage());
        }
    }

    /** {@code integration.request.path.*} values (and requestOverride.path) for {@code {name}} placeholders. */
    public ServiceCallBuilder pathValues(Map<String, String> values) {
        this.pathValues = values;
        return this;
    }

    /** The integration's httpMethod (ANY or unset: the client's) and the client's method. */
    public ServiceCallBuilder method(String integrationMethod, String clientMethod) {
        this.integrationMethod = integrationMethod;
        this.clientMethod = clientMethod;
        return this;
    }

    /** The client request's Content-Type (null for none), sent on unless a mapping replaces it. */
    public ServiceCallBuilder clientContentType(String contentType) {
        this.clientContentType = contentType;
        return this;
    }

    /** The headers the integration request maps ({@code integration.request.header.*}, requestOverride.header). */
    public ServiceCallBuilder headers(Map<String, String> mapped) {
        this.mappedHeaders = mapped;
        return this;
    }

    /** The query parameters the integration request maps, in order. */
    public ServiceCallBuilder query(Map<String, List<String>> mapped) {
        this.mappedQuery = mapped;
        return this;
    }

    /** The integration request body (rendered template or passed-through payload). */
    public ServiceCallBuilder body(byte[] body) {
        this.body = body == null ? new byte[0] : body;
        return this;
    }

    /** The integration's credentials (a role ARN), stage variables substituted; null for none. */
    public ServiceCallBuilder credentials(String roleArn) {
        this.credentials = roleArn == null ? null : LambdaFunctionUri.substitute(roleArn, stageVariables);
        return this;
    }

    /** The API id (User-Agent) and the trace root (X-Amzn-Trace-Id) of this invocation; either may be null. */
    public ServiceCallBuilder gateway(String apiId, String traceRoot) {
        this.apiId = apiId;
        this.traceRoot = traceRoot;
        return this;
    }

    /**
     * @throws GatewayException 500 when a forbidden header is mapped or the rendered request is no valid URL
     */
    public ServiceCall build() {
        checkMapped();
        String method = method();
        String service = uri.service().toLowerCase(Locale.ROOT);
        String host = ServiceProtocols.host(uri.subdomain(), uri.service(), uri.region());
        String target = uri.target();
        String template = uri.action()
                ? "https://" + host + "/?Action=" + target
                : "https://" + host + (target.startsWith("/") ? target : "/" + target);
        StringBuilder query = new StringBuilder();
        HttpBackend.appendQuery(query, mappedQuery);
        URI rendered = HttpBackend.render(template, Map.of(), pathValues, query.toString());
        String path = rendered.getRawPath() == null || rendered.getRawPath().isEmpty() ? "/" : rendered.getRawPath();
        String rawQuery = rendered.getRawQuery() == null ? "" : rendered.getRawQuery();

        byte[] sent = NO_BODY_METHODS.contains(method) ? new byte[0] : body;
        String named = uri.action() ? QueryString.parse(rawQuery).all().get("Action").get(0) : null;
        HeaderList headers = headers(method, service, named);
        String action = uri.action() ? named
                : PathStyleAction.of(service, method, rendered.getHost(), path, rawQuery, headers, sent);
        return new ServiceCall(service, uri.region(), action, method, rendered.getHost(), path, rawQuery, headers,
                sent, credentials);
    }

    private String method() {
        boolean client = integrationMethod == null || integrationMethod.isEmpty()
                || integrationMethod.equalsIgnoreCase("ANY");
        return (client ? clientMethod : integrationMethod).toUpperCase(Locale.ROOT);
    }

    /** @param action the uri's action ({@code action/} uris), else null */
    private HeaderList headers(String method, String service, String action) {
        HeaderList headers = new HeaderList();
        headers.add("Accept", DEFAULT_ACCEPT);
        if (apiId != null) {
            headers.add("User-Agent", "AmazonAPIGateway_" + apiId);
        }
        if (clientContentType != null && !NO_BODY_METHODS.contains(clientMethod.toUpperCase(Locale.ROOT))
                && !NO_BODY_METHODS.contains(method)) {
            headers.add("Content-Type", clientContentType);
        }
        mappedHeaders.forEach(headers::set);
        DROPPED.forEach(headers::remove);
        ServiceProtocols.ServiceProtocol facts = ServiceProtocols.of(service);
        if (action != null && facts != null && facts.gatewayAddsTarget() && !headers.contains("X-Amz-Target")) {
            headers.add("X-Amz-Target", facts.target(action));
        }
        if (traceRoot != null) {
            headers.set("X-Amzn-Trace-Id", "Root=" + traceRoot);
        }
        return headers;
    }

    private void checkMapped() {
        for (String name : mappedHeaders.keySet()) {
            if (ILLEGAL_MAPPED.contains(name)) {
                throw GatewayException.configurationError("Execution failed due to configuration error: "
                        + "integration.request.header." + name + " cannot be mapped for an AWS integration");
            }
        }
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
