package dev.gwemu.httpapi;

import dev.gwemu.integration.LambdaTargets;
import dev.gwemu.lambda.InvokeResult;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.HttpIntegrationSpec;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP API route's {@code AWS_PROXY} integration (data-plane.md §3.2, §3.3): the request as a payload 2.0 (or
 * 1.0) event to the function, its answer read by the same format's rules.
 */
final class HttpApiLambdaIntegration implements HttpApiIntegration {
    private final LambdaTargets targets;
    private final String accountId;

    HttpApiLambdaIntegration(LambdaRuntime runtime, String accountId) {
        this.targets = new LambdaTargets(runtime);
        this.accountId = accountId;
    }

    @Override
    public HttpResponse call(Invocation inv, HttpRequest request) {
        HttpRouteState state = inv.httpRoute();
        HttpIntegrationSpec integration = state.route().integration();
        boolean v2 = "2.0".equals(integration.payloadFormatVersion());
        HttpApiRequestContext context = new HttpApiRequestContext(state.routeKey(), inv.stage().name(),
                state.pathParameters(), inv.stage().variables(), inv.ids(), accountId, inv.api().id(),
                v2 ? state.authorizerV2() : state.authorizerV1());
        byte[] event = v2 ? PayloadV2EventWriter.write(request, context)
                : PayloadV1EventWriter.write(request, context, routePath(state.routeKey()), inv.caller());
        InvokeResult result = targets.invoke(inv, integration.uri(), inv.stage(), event, integration.timeoutMillis(),
                HttpApiInvokeFailures.INSTANCE);
        if (result.functionError()) {
            throw HttpApiErrors.internalServerError("the function failed: "
                    + new String(result.payload(), StandardCharsets.UTF_8));
        }
        return v2 ? PayloadV2ResponseReader.read(result.payload()) : PayloadV1ResponseReader.read(result.payload());
    }

    /** The route key's path ({@code /pets/{id}}), or null for {@code $default}. */
    private static String routePath(String routeKey) {
        int space = routeKey.indexOf(' ');
        return space < 0 ? null : routeKey.substring(space + 1);
    }
}
