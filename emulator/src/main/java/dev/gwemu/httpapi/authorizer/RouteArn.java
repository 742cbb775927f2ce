package dev.gwemu.httpapi.authorizer;

import dev.gwemu.auth.policy.MethodArn;
import dev.gwemu.httpapi.HttpApiRequestContext;
import dev.gwemu.pipeline.HttpRequest;

/**
 * The {@code routeArn} of an HTTP API authorizer event, {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}
 * (security-and-operations.md §3, §3.4): the request's actual method and its path after a named stage's prefix, as
 * sent, without the leading slash. Also on the {@code $default} route: AWS's own 2.0 example pairs
 * {@code "routeKey": "$default"} with {@code .../test/GET/request}, and a published capture pairs
 * {@code ANY /{proxy+}} with {@code .../dev/GET/}. ({@code .../{stage}/$default} is the integration's Lambda
 * permission source ARN, not the authorizer's.)
 */
final class RouteArn {
    private RouteArn() {
    }

    static String of(String region, String accountId, HttpRequest request, HttpApiRequestContext context) {
        return MethodArn.of(region, accountId, context.apiId(), context.stage(), request.method(),
                pathAfterStage(request.rawPath(), context.stage())).arn();
    }

    /** The {@code $default} stage has no prefix; a named stage's is its first segment (data-plane.md §3.1). */
    static String pathAfterStage(String rawPath, String stage) {
        String prefix = "/" + stage;
        if (stage.equals("$default") || !rawPath.startsWith(prefix)) {
            return rawPath;
        }
        String rest = rawPath.substring(prefix.length());
        return rest.isEmpty() || rest.startsWith("/") ? rest : rawPath;
    }
}
