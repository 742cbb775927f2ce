package dev.gwemu.httpapi;

import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.auth.sigv4.SigV4Verifier;
import dev.gwemu.httpapi.authorizer.HttpAuthorizerResult;
import dev.gwemu.httpapi.authorizer.HttpLambdaAuthorizer;
import dev.gwemu.httpapi.jwt.JwtAuthorizer;
import dev.gwemu.model.RouteAuthorization;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may call the route (security-and-operations.md §3.4; data-plane.md §3.4): AWS_IAM checks the SigV4 signature,
 * JWT verifies the token, CUSTOM runs the Lambda authorizer. What each found is kept for the integration's event.
 * HTTP APIs have no resource policies, so the caller's own answer decides.
 */
public final class HttpAuthorizationStep implements Step {
    private final String accountId;
    private final SigV4Verifier sigV4;
    private final HttpLambdaAuthorizer lambda;
    private final JwtAuthorizer jwt;

    public HttpAuthorizationStep(String accountId, SigV4Verifier sigV4, HttpLambdaAuthorizer lambda, JwtAuthorizer jwt) {
        this.accountId = accountId;
        this.sigV4 = sigV4;
        this.lambda = lambda;
        this.jwt = jwt;
    }

    @Override
    public void apply(Invocation inv) {
        RouteAuthorization authorization = inv.httpRoute().route().authorization();
        switch (authorization.type()) {
            case NONE -> { }
            case AWS_IAM -> iam(inv);
            case CUSTOM -> lambda(inv, authorization);
            case JWT -> jwt(inv, authorization);
        }
    }

    /**
     * The token must verify (401) and hold one of the route's scopes (403); its claims and scopes go to the
     * integration: under {@code jwt} in payload 2.0, as {@code claims} and {@code scopes} in 1.0 (data-plane.md §3.2).
     */
    private void jwt(Invocation inv, RouteAuthorization authorization) {
        Map<String, Object> v2 = jwt.authorize(authorization.authorizer(), authorization.scopes(), inv.request());
        @SuppressWarnings("unchecked")
        Map<String, Object> v1 = (Map<String, Object>) v2.get("jwt");
        inv.httpRoute().authorizer(v2, v1);
    }

    /** The Lambda authorizer decides (its 401, 403 and 500 are thrown); its context goes to the integration. */
    private void lambda(Invocation inv, RouteAuthorization authorization) {
        HttpRouteState route = inv.httpRoute();
        HttpApiRequestContext context = new HttpApiRequestContext(route.routeKey(), inv.stage().name(),
                route.pathParameters(), inv.stage().variables(), inv.ids(), accountId, inv.api().id(), null);
        HttpAuthorizerResult result = lambda.authorize(authorization.authorizer(), inv.request(), context,
                new HttpContextVariables(inv, accountId));
        route.authorizer(result.forPayloadV2(), result.forPayloadV1());
    }

    /**
     * A listed credential of this account may invoke (its identity policy is taken to allow it); any SigV4 failure,
     * and a caller of another account, is 403 {"message":"Forbidden"} (§3.1 [unc]).
     */
    private void iam(Invocation inv) {
        CallerIdentity caller;
        try {
            caller = sigV4.verify(inv.request());
        } catch (GatewayException e) {
            throw HttpApiErrors.forbidden("SigV4: " + e.detail());
        }
        if (!accountId.equals(caller.accountId())) {
            throw HttpApiErrors.forbidden(caller.userArn() + " is in another account; an HTTP API has no resource policy to let it in");
        }
        inv.caller(caller);
        Map<String, Object> iam = new LinkedHashMap<>();
        iam.put("accessKey", caller.accessKey());
        iam.put("accountId", caller.accountId());
        iam.put("callerId", caller.caller());
        iam.put("cognitoIdentity", null);
        iam.put("principalOrgId", null);
        iam.put("userArn", caller.userArn());
        iam.put("userId", caller.user());
        Map<String, Object> v2 = new LinkedHashMap<>();
        v2.put("iam", iam);
        inv.httpRoute().authorizer(v2, null);
    }
}
