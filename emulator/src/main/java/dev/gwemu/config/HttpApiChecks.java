package dev.gwemu.config;

import dev.gwemu.httpapi.HttpRouteTable;
import dev.gwemu.httpapi.RouteKey;
import dev.gwemu.httpapi.mapping.RequestParameterMapping;
import dev.gwemu.httpapi.mapping.ResponseParameterMapping;
import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.HttpRoute;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.Stage;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an HTTP API from its api.yaml entry and definition, and checks what ties them together: route settings
 * name existing routes, every Lambda the routes and authorizers call is bound in api.yaml.
 */
final class HttpApiChecks {
    private HttpApiChecks() {
    }

    /** @return the API, or null when its definition cannot be read (the problems are recorded) */
    static Api load(ProjectFileReader.ApiEntry entry, String id, ProjectFileReader.ProjectFile projectFile,
                    List<Problem> problems, List<Problem> warnings) {
        HttpApiReader.Definition definition = new HttpApiReader(entry.definition(), id, projectFile.region(), problems,
                warnings).read();
        if (definition == null) {
            return null;
        }
        Set<String> routeKeys = new LinkedHashSet<>();
        definition.spec().routes().forEach(r -> routeKeys.add(r.routeKey()));
        try {
            new HttpRouteTable(routeKeys.stream().map(RouteKey::parse).toList());
        } catch (IllegalArgumentException e) {
            problems.add(definition.lines().problem("/paths", e.getMessage() + "; API Gateway refuses such routes"));
        }
        Map<String, Stage> stages = new LinkedHashMap<>();
        for (Map.Entry<String, ProjectFileReader.StageEntry> e : entry.stages().entrySet()) {
            ProjectFileReader.StageEntry stage = e.getValue();
            for (String key : stage.methodSettings().keySet()) {
                if (!routeKeys.contains(key)) {
                    problems.add(projectFile.lines().problem(stage.pointer() + "/routeSettings/" + ProjectFileReader.escape(key),
                            "stage " + e.getKey() + ": '" + key + "' is not a route of API " + entry.name() + " (its routes: "
                                    + String.join(", ", routeKeys) + ")"));
                }
            }
            stages.put(e.getKey(), new Stage(e.getKey(), StableIds.of(id + " " + e.getKey(), 6), stage.variables(),
                    stage.throttle(), stage.methodSettings(), null, null, stage.accessLog()));
        }
        Api api = new Api(entry.name(), id, ApiType.HTTP, entry.definition(), List.of(), stages, List.of(), Map.of(),
                "HEADER", EndpointType.REGIONAL, List.of(), null, definition.spec(), null);
        checkFunctions(api, definition.lines(), projectFile.functions(), problems, warnings);
        AwsServiceChecks.checkSubtypes(api, definition.lines(), projectFile.awsServices(), warnings);
        return api;
    }

    /**
     * Every route's parameter mapping compiles, and every function a route or a Lambda authorizer calls, in every
     * stage, is bound under {@code functions:}.
     */
    private static void checkFunctions(Api api, SourceLines lines, Map<String, FunctionSpec> functions,
                                       List<Problem> problems, List<Problem> warnings) {
        Set<HttpAuthorizerSpec> authorizers = new LinkedHashSet<>();
        for (HttpRoute route : api.http().routes()) {
            String integrationAt = pointer(route).replace("/uri", "");
            try {
                if (!route.integration().callsAwsService()) { // else the action's parameters, checked by the reader
                    RequestParameterMapping.compile(route.integration().requestParameters());
                }
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(integrationAt + "/requestParameters", route.routeKey() + ": " + e.getMessage()));
            }
            try {
                ResponseParameterMapping.compile(route.integration().responseParameters());
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(integrationAt + "/responseParameters", route.routeKey() + ": " + e.getMessage()));
            }
            if (route.integration().type() == IntegrationType.AWS_PROXY && !route.integration().callsAwsService()) {
                check(api, route.routeKey(), pointer(route), route.integration().uri(), lines, functions, problems, warnings);
            }
            if (route.authorization().authorizer() != null
                    && route.authorization().authorizer().type() == HttpAuthorizerSpec.Type.REQUEST) {
                authorizers.add(route.authorization().authorizer());
            }
        }
        for (HttpAuthorizerSpec authorizer : authorizers) {
            if (authorizer.authorizerUri() != null) {
                check(api, "authorizer " + authorizer.name(), "/components/securitySchemes/"
                        + ProjectFileReader.escape(authorizer.name()), authorizer.authorizerUri(), lines, functions, problems, warnings);
            }
        }
    }

    /** Where a route's integrationSubtype is written (its paths for the $default route). */
    static String integrationPointer(HttpRoute route) {
        String uri = pointer(route);
        return uri.endsWith("/uri") ? uri.substring(0, uri.length() - "/uri".length()) + "/" + HttpApiReader.SUBTYPE : uri;
    }

    /** Where a route's integration URI is written; the $default route's path is not kept, so its paths. */
    private static String pointer(HttpRoute route) {
        int space = route.routeKey().indexOf(' ');
        if (space < 0) {
            return "/paths";
        }
        String method = route.routeKey().substring(0, space);
        return OpenApiReader.integrationUriPointer(route.routeKey().substring(space + 1), method);
    }

    private static void check(Api api, String where, String at, String uri, SourceLines lines, Map<String, FunctionSpec> functions,
                              List<Problem> problems, List<Problem> warnings) {
        for (Stage stage : api.stages().values()) {
            List<String> unset = LambdaFunctionUri.unsetVariables(uri, stage.variables());
            String here = where + (LambdaFunctionUri.hasStageVariables(uri) ? " in stage '" + stage.name() + "'" : "");
            if (!unset.isEmpty()) {
                warnings.add(lines.problem(at, here + ": stage variable(s) " + unset
                        + " are not set there, so its requests fail with 500 as in AWS"));
                continue;
            }
            try {
                String function = LambdaFunctionUri.parse(LambdaFunctionUri.substitute(uri, stage.variables())).functionName();
                if (!functions.containsKey(function)) {
                    problems.add(lines.problem(at, here + ": calls function '" + function
                            + "', which api.yaml does not bind (add it under 'functions:')"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(at, here + ": " + e.getMessage()));
            }
            if (!LambdaFunctionUri.hasStageVariables(uri)) {
                break;
            }
        }
    }
}
