package dev.gwemu.samples.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.List;
import java.util.Map;

/**
 * The benchmark's Lambda authorizer (REQUEST, cached): allows every method of the API it guards, so after the
 * first request per token the gateway answers from its authorizer cache and evaluates this policy per request.
 */
public class AllowAll implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String methodArn = (String) event.get("methodArn");
        // arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{verb}/{path}: allow {apiId}/*
        String api = methodArn.substring(0, methodArn.indexOf('/'));
        return Map.of(
                "principalId", "bench",
                "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow", "Action", "execute-api:Invoke", "Resource", api + "/*"))),
                "context", Map.of("tier", "bench"));
    }
}
