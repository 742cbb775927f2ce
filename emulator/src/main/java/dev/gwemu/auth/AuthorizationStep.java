package dev.gwemu.auth;

import dev.gwemu.auth.cognito.CognitoAuthenticator;
import dev.gwemu.auth.lambda.AuthorizerResult;
import dev.gwemu.auth.lambda.LambdaAuthorizer;
import dev.gwemu.auth.policy.AccessDecision;
import dev.gwemu.auth.policy.AccessDeniedMessages;
import dev.gwemu.auth.policy.DenialWording;
import dev.gwemu.auth.policy.MethodArn;
import dev.gwemu.auth.policy.PolicyDecision;
import dev.gwemu.auth.policy.PolicyDocument;
import dev.gwemu.auth.policy.PolicyKind;
import dev.gwemu.auth.policy.RequestFacts;
import dev.gwemu.auth.policy.ResourcePolicy;
import dev.gwemu.auth.sigv4.SigV4Verifier;
import dev.gwemu.model.AuthorizationType;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.MethodAuthorization;
import dev.gwemu.pipeline.ContextVariables;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.Step;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may call the method (security-and-operations.md §2.5 steps 3-4): the method's authentication (SigV4,
 * a Cognito token or a Lambda authorizer, before which a resource policy's explicit deny already stops the
 * request), then the caller's side and the resource policy combined by AWS's tables (§4.3).
 */
public final class AuthorizationStep implements Step {
    private final String region;
    private final String accountId;
    private final ResourcePolicy policy;
    private final SigV4Verifier sigV4;
    private final CognitoAuthenticator cognito;
    private final LambdaAuthorizer<PolicyDocument> lambda;
    private final DenialWording wording;
    private final Clock clock;

    /**
     * @param policy the API's resource policy, or null for none
     */
    public AuthorizationStep(String region, String accountId, ResourcePolicy policy, Authenticators authenticators,
                             DenialWording wording, Clock clock) {
        this.region = region;
        this.accountId = accountId;
        this.policy = policy;
        this.sigV4 = authenticators.sigV4();
        this.cognito = authenticators.cognito();
        this.lambda = authenticators.lambda();
        this.wording = wording;
        this.clock = clock;
    }

    @Override
    public void apply(Invocation inv) {
        MethodAuthorization authorization = inv.route().method().authorization();
        if (policy == null && authorization.type() == AuthorizationType.NONE) {
            return; // an open method of an API without a resource policy: nothing to decide
        }
        MethodArn arn = MethodArn.of(region, accountId, inv.api().id(), inv.stage().name(), inv.request().method(),
                inv.routingPath());
        if (authorization.type() != AuthorizationType.NONE && arn.exceedsAuthorizationLimit()) {
            throw GatewayException.fixed(null, 414, null, "{\"message\":\"Request URI too long\"}")
                    .because("the method ARN is over " + MethodArn.MAX_BYTES_WITH_AUTHORIZATION + " bytes");
        }
        switch (authorization.type()) {
            case NONE -> decide(inv, arn, null, null);
            case AWS_IAM -> iam(inv, arn);
            case COGNITO_USER_POOLS -> cognito(inv, arn, authorization);
            case CUSTOM -> lambda(inv, arn, authorization.authorizer());
        }
    }

    /**
     * The signature first, then the policies with the caller known. A listed credential acts as if its identity
     * policy allowed execute-api:Invoke; a caller from another account needs the resource policy's Allow too.
     */
    private void iam(Invocation inv, MethodArn arn) {
        CallerIdentity caller = sigV4.verify(inv.request());
        inv.caller(caller);
        decide(inv, arn, PolicyDecision.ALLOW, caller);
    }

    private void cognito(Invocation inv, MethodArn arn, MethodAuthorization authorization) {
        AuthorizerSpec spec = authorization.authorizer();
        String header = spec.identitySources().get(0).substring("method.request.header.".length());
        String token = inv.request().headers().last(header);
        if (token == null || token.isEmpty()) {
            throw GatewayException.of(GatewayResponseType.UNAUTHORIZED, "Unauthorized").because("no token in " + header);
        }
        Map<String, String> claims = cognito.authenticate(spec, token, authorization.scopes());
        Map<String, Object> authorizer = new LinkedHashMap<>();
        authorizer.put("claims", claims);
        inv.authorizer(authorizer);
        decide(inv, arn, null, null);
    }

    /**
     * A resource policy's explicit deny stops the request before the authorizer runs; then the authorizer's policy
     * is the caller's side of §4.3's tables (security-and-operations.md §3.3, §4.2).
     */
    private void lambda(Invocation inv, MethodArn arn, AuthorizerSpec spec) {
        if (policy != null) {
            AccessDecision early = AccessDecision.beforeLambdaAuthorizer(policy.evaluate(facts(inv, arn, null)));
            if (!early.allowed()) {
                throw accessDenied(null, arn, early);
            }
        }
        AuthorizerResult<PolicyDocument> result = lambda.authorize(spec, inv, arn.arn());
        PolicyDecision own = result.policy().evaluate(facts(inv, arn, null));
        decide(inv, arn, own, null);
        inv.authorizer(result.requestContextAuthorizer());
        inv.usageIdentifierKey(result.usageIdentifierKey());
    }

    /** §4.3: the caller's side ({@code identity}: null for NONE and Cognito) with the resource policy. */
    private void decide(Invocation inv, MethodArn arn, PolicyDecision identity, CallerIdentity caller) {
        boolean crossAccount = caller != null && !accountId.equals(caller.accountId());
        PolicyDecision resource = policy == null ? null : policy.evaluate(facts(inv, arn, caller));
        AccessDecision decision = AccessDecision.combine(identity, resource, crossAccount, policy != null);
        if (!decision.allowed()) {
            throw accessDenied(caller, arn, decision);
        }
    }

    /** A Lambda authorizer's own denial has its own text; every other denial names the caller and the resource. */
    private GatewayException accessDenied(CallerIdentity caller, MethodArn arn, AccessDecision decision) {
        boolean authorizerDenied = decision.deniedBy() == PolicyKind.IDENTITY_BASED && caller == null;
        String message = authorizerDenied ? AccessDeniedMessages.authorizerDenied(decision.decision(), wording)
                : AccessDeniedMessages.invokeDenied(caller, arn.arn(), decision, wording);
        return denied(message).because(decision.decision() + " by the " + decision.deniedBy() + " policy for " + arn.arn());
    }

    /** Access denials carry {@code Message} with a capital M, unlike every other gateway response (§0, §4.4). */
    private static GatewayException denied(String message) {
        return GatewayException.withDefaultBody(GatewayResponseType.ACCESS_DENIED, message,
                "{\"Message\":" + ContextVariables.messageString(message) + "}");
    }

    private RequestFacts facts(Invocation inv, MethodArn arn, CallerIdentity caller) {
        var request = inv.request();
        var vpce = inv.vpcEndpoint();
        return new RequestFacts(arn.arn(), caller, request.sourceIp(), vpce == null ? null : vpce.vpcId(),
                vpce == null ? null : vpce.id(), clock.instant(), "https".equals(request.scheme()),
                request.headers().first("User-Agent"), request.headers().first("Referer"));
    }
}
