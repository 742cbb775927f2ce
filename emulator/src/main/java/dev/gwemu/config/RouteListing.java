package dev.gwemu.config;

import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.model.Api;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.Method;
import dev.gwemu.model.MethodAuthorization;
import dev.gwemu.model.Project;
import dev.gwemu.model.Resource;
import dev.gwemu.model.RouteAuthorization;
import dev.gwemu.model.Stage;
import dev.gwemu.model.WebSocketRoute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every route a loaded project serves, per API and stage, as {@code gwemu routes} prints them: the method and path (or
 * route key), what it is integrated with, who may call it, and whether it needs an API key.
 */
public final class RouteListing {
    /** One served route. */
    public record Row(String api, String stage, String method, String path, String integration, String authorization,
                      boolean apiKeyRequired) {
    }

    private RouteListing() {
    }

    public static List<Row> of(Project project) {
        List<Row> rows = new ArrayList<>();
        for (Api api : project.apis()) {
            for (Stage stage : api.stages().values()) {
                switch (api.type()) {
                    case REST -> rest(api, stage, rows);
                    case HTTP -> http(api, stage, rows);
                    case WEBSOCKET -> websocket(api, stage, rows);
                }
            }
        }
        return rows;
    }

    private static void rest(Api api, Stage stage, List<Row> rows) {
        for (Resource resource : api.resources()) {
            for (Method method : resource.methods().values()) {
                IntegrationType type = method.integration().type();
                String target = switch (type) {
                    case AWS_PROXY, AWS -> method.integration().callsAwsService()
                            ? awsService(method.integration().uri())
                            : function(method.integration().uri(), stage.variables());
                    case HTTP, HTTP_PROXY -> method.integration().uri();
                    case MOCK -> "";
                };
                rows.add(new Row(api.name(), stage.name(), method.httpMethod(), resource.path(),
                        (type.name().toLowerCase(java.util.Locale.ROOT) + " " + target).trim(),
                        authorization(method.authorization()), method.apiKeyRequired()));
            }
        }
    }

    private static void http(Api api, Stage stage, List<Row> rows) {
        for (HttpRoute route : api.http().routes()) {
            int space = route.routeKey().indexOf(' ');
            String method = space < 0 ? "*" : route.routeKey().substring(0, space);
            String path = space < 0 ? route.routeKey() : route.routeKey().substring(space + 1);
            String target = route.integration().callsAwsService()
                    ? "aws_proxy " + route.integration().integrationSubtype()
                    : route.integration().type() == IntegrationType.AWS_PROXY
                    ? "aws_proxy " + function(route.integration().uri(), stage.variables())
                    + " (payload " + route.integration().payloadFormatVersion() + ")"
                    : "http_proxy " + route.integration().uri();
            RouteAuthorization auth = route.authorization();
            String authorization = auth.authorizer() == null ? auth.type().name()
                    : auth.type().name() + " " + auth.authorizer().name()
                    + (auth.scopes().isEmpty() ? "" : " " + auth.scopes());
            rows.add(new Row(api.name(), stage.name(), method, path, target, authorization, false));
        }
    }

    private static void websocket(Api api, Stage stage, List<Row> rows) {
        for (WebSocketRoute route : api.websocket().routes().values()) {
            String target = route.isMock() ? "mock" : "lambda " + function(route.integrationUri(), stage.variables());
            if (route.routeResponse()) {
                target += " (route response)";
            }
            rows.add(new Row(api.name(), stage.name(), "WS", route.routeKey(), target,
                    route.authorizer() == null ? route.authorization().name()
                            : route.authorization().name() + " " + route.authorizer(), false));
        }
    }

    private static String authorization(MethodAuthorization authorization) {
        return authorization.authorizer() == null ? authorization.type().name()
                : authorization.type().name() + " " + authorization.authorizer().name()
                + (authorization.scopes().isEmpty() ? "" : " " + authorization.scopes());
    }

    /** {@code kinesis action/PutRecord}, {@code s3 path/{bucket}/{key}}: the service and what the uri calls. */
    private static String awsService(String uri) {
        int apigateway = uri.indexOf(":apigateway:");
        String[] parts = apigateway < 0 ? new String[0] : uri.substring(apigateway + ":apigateway:".length()).split(":", 3);
        return parts.length == 3 ? parts[1] + " " + parts[2] : uri;
    }

    /** The function a Lambda URI names in the stage, or the URI itself when it cannot be read. */
    private static String function(String uri, Map<String, String> stageVariables) {
        try {
            return LambdaFunctionUri.parse(LambdaFunctionUri.substitute(uri, stageVariables)).functionName();
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }
}
