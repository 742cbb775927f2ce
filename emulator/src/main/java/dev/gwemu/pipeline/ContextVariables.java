package dev.gwemu.pipeline;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code $context} variables of a request as mapping templates, parameter mappings and gateway
 * responses see them (data-plane.md §5.4): the proxy event's {@code requestContext} keys, and
 * {@code error.*} once the road has stopped.
 */
public final class ContextVariables {
    private static final String[] IDENTITY_KEYS = {"accessKey", "accountId", "apiKey", "apiKeyId", "caller",
            "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
            "principalOrgId", "user", "userArn"};

    private ContextVariables() {
    }

    public static Map<String, Object> of(Invocation inv, String accountId) {
        HttpRequest request = inv.request();
        String host = request.host();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", accountId);
        context.put("apiId", inv.api().id());
        context.put("deploymentId", inv.stage().deploymentId());
        context.put("domainName", host);
        context.put("domainPrefix", domainPrefix(host));
        context.put("extendedRequestId", inv.ids().extendedRequestId());
        context.put("httpMethod", request.method());
        Map<String, Object> identity = new LinkedHashMap<>();
        for (String key : IDENTITY_KEYS) {
            identity.put(key, null);
        }
        identity.put("apiKey", inv.apiKey());
        identity.put("apiKeyId", inv.apiKeyId());
        dev.gwemu.auth.CallerIdentity caller = inv.caller();
        if (caller != null) {
            identity.put("accessKey", caller.accessKey());
            identity.put("accountId", caller.accountId());
            identity.put("caller", caller.caller());
            identity.put("user", caller.user());
            identity.put("userArn", caller.userArn());
        }
        if (inv.vpcEndpoint() != null) {
            identity.put("vpcId", inv.vpcEndpoint().vpcId());
            identity.put("vpceId", inv.vpcEndpoint().id());
        }
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.headers().first("User-Agent"));
        context.put("identity", identity);
        context.put("path", inv.contextPath());
        context.put("protocol", "HTTP/1.1");
        context.put("requestId", inv.ids().requestId());
        context.put("awsEndpointRequestId", inv.ids().requestId());
        context.put("requestTime", RequestTime.format(inv.ids().requestTime()));
        context.put("requestTimeEpoch", inv.ids().requestTime().toEpochMilli());
        if (inv.route() != null) {
            context.put("resourceId", inv.route().resource().id());
            context.put("resourcePath", inv.route().resource().path());
        }
        context.put("stage", inv.stage().name());
        if (inv.stage().canary() != null) {
            context.put("isCanaryRequest", inv.canaryRequest()); // only on stages with canary settings (§1.4)
        }
        // Templates read $context.authorizer.* as strings; with no authorizer the keys are simply empty.
        context.put("authorizer", inv.authorizer() == null ? new LinkedHashMap<String, Object>() : inv.authorizer());
        GatewayException error = inv.error();
        if (error != null) {
            Map<String, Object> errorVariables = new LinkedHashMap<>();
            errorVariables.put("message", error.getMessage());
            errorVariables.put("messageString", messageString(error.getMessage()));
            errorVariables.put("responseType", error.type() == null ? null : error.type().name());
            errorVariables.put("validationErrorString", error.validationErrorString());
            context.put("error", errorVariables);
        }
        return context;
    }

    /** {@code $context.error.messageString}: the message as a quoted JSON string, or null. */
    public static String messageString(String message) {
        if (message == null) {
            return "null";
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"";
    }

    /** {@code requestContext.domainPrefix}: the Host up to its first dot (or port). */
    public static String domainPrefix(String host) {
        int end = host.length();
        int colon = host.indexOf(':');
        int dot = host.indexOf('.');
        if (colon >= 0) {
            end = colon;
        }
        if (dot >= 0 && dot < end) {
            end = dot;
        }
        return host.substring(0, end);
    }
}
