package dev.gwemu.model;

/**
 * One route of a WebSocket API (security-and-operations.md §7.1), as CloudFormation's {@code AWS::ApiGatewayV2::Route}
 * with its Lambda proxy integration.
 *
 * @param routeKey       {@code $connect}, {@code $disconnect}, {@code $default} or a custom key such as {@code sendmessage}
 * @param integrationUri the Lambda function's invocation URI, or null for a MOCK integration
 * @param routeResponse  {@code routeResponseSelectionExpression: $default}: the integration's result goes back to the
 *                       client as a message; otherwise it is discarded
 * @param timeoutMillis  the integration timeout, 50 to 29000
 * @param authorization  NONE, AWS_IAM or CUSTOM (a Lambda REQUEST authorizer); only {@code $connect} has other than NONE
 * @param authorizer     the name of the API's authorizer when CUSTOM, else null
 * @param mockResponse   a MOCK integration's response template (Velocity), what a route response sends; null for Lambda
 */
public record WebSocketRoute(String routeKey, String integrationUri, boolean routeResponse, int timeoutMillis,
                             AuthorizationType authorization, String authorizer, String mockResponse) {
    public static final String CONNECT = "$connect";
    public static final String DISCONNECT = "$disconnect";
    public static final String DEFAULT = "$default";
    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;

    /** A route without authorization. */
    public WebSocketRoute(String routeKey, String integrationUri, boolean routeResponse, int timeoutMillis) {
        this(routeKey, integrationUri, routeResponse, timeoutMillis, AuthorizationType.NONE, null, null);
    }

    /** Whether the route is integrated with MOCK instead of a Lambda function. */
    public boolean isMock() {
        return integrationUri == null;
    }
}
