package dev.gwemu.config;

import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiKeySpec;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.model.Method;
import dev.gwemu.model.Project;
import dev.gwemu.model.Resource;
import dev.gwemu.model.Stage;
import dev.gwemu.routing.ResourceTree;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a project: the api.yaml, every definition it names, and the checks that tie them
 * together. Either everything loads or every problem is reported at once.
 */
public final class ProjectLoader {
    /** A loaded project and what was ignored while loading it. */
    public record Loaded(Project project, List<Problem> warnings) {
    }

    private ProjectLoader() {
    }

    public static Loaded load(Path apiYaml) throws DefinitionException {
        Path file = apiYaml.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        ProjectFileReader.ProjectFile projectFile = new ProjectFileReader(file, problems, warnings).read();
        if (projectFile == null) {
            throw new DefinitionException(problems);
        }
        List<Api> apis = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (ProjectFileReader.ApiEntry entry : projectFile.apis()) {
            if (entry.name() != null && !names.add(entry.name())) {
                problems.add(projectFile.lines().problem(entry.pointer() + "/name", "two APIs are named '" + entry.name() + "'"));
            }
            if (entry.name() == null || (entry.definition() == null && !"WEBSOCKET".equals(entry.type()))) {
                continue;
            }
            String id = entry.id() != null ? entry.id() : StableIds.of(entry.name(), 10);
            if (!ids.add(id)) {
                problems.add(projectFile.lines().problem(entry.pointer(), "two APIs have the id '" + id + "'"));
            }
            if ("WEBSOCKET".equals(entry.type())) {
                apis.add(WebSocketApiReader.load(entry, id, projectFile, problems));
                continue;
            }
            if ("HTTP".equals(entry.type())) {
                Api api = HttpApiChecks.load(entry, id, projectFile, problems, warnings);
                if (api != null) {
                    apis.add(api);
                }
                continue;
            }
            OpenApiReader.Definition definition = new OpenApiReader(entry.definition(), id, problems, warnings).read();
            if (definition == null) {
                continue;
            }
            Map<String, Stage> stages = new LinkedHashMap<>();
            for (Map.Entry<String, ProjectFileReader.StageEntry> e : entry.stages().entrySet()) {
                String name = e.getKey();
                ProjectFileReader.StageEntry stage = e.getValue();
                dev.gwemu.model.Canary canary = null;
                if (stage.canary() != null) {
                    List<dev.gwemu.model.Resource> canaryResources = null;
                    if (stage.canary().definition() != null) {
                        OpenApiReader.Definition other = new OpenApiReader(stage.canary().definition(), id, problems, warnings).read();
                        if (other != null) {
                            canaryResources = other.resources();
                            Map<String, String> variables = new LinkedHashMap<>(stage.variables());
                            variables.putAll(stage.canary().stageVariableOverrides());
                            Api canaryApi = new Api(entry.name(), id, ApiType.REST, stage.canary().definition(), canaryResources,
                                    Map.of(name, new Stage(name, "canary", variables)), List.of());
                            checkRoutes(canaryApi, problems);
                            checkFunctionBindings(canaryApi, other.lines(), projectFile.functions(), problems, warnings);
                        }
                    }
                    canary = new dev.gwemu.model.Canary(stage.canary().percentTraffic(), stage.canary().stageVariableOverrides(),
                            StableIds.of(id + " " + name + " canary", 6), stage.canary().useStageCache(), canaryResources);
                }
                stages.put(name, new Stage(name, StableIds.of(id + " " + name, 6), stage.variables(), stage.throttle(),
                        stage.methodSettings(), stage.cache(), canary, stage.accessLog()));
            }
            String keySource = entry.apiKeySource() != null ? entry.apiKeySource()
                    : definition.apiKeySource() != null ? definition.apiKeySource() : "HEADER";
            EndpointType endpointType = entry.endpointType() != null ? entry.endpointType()
                    : definition.endpoint().type() != null ? definition.endpoint().type() : EndpointType.EDGE;
            List<String> vpcEndpointIds = !entry.vpcEndpointIds().isEmpty() ? entry.vpcEndpointIds()
                    : definition.endpoint().vpcEndpointIds();
            Api api = new Api(entry.name(), id, ApiType.REST, entry.definition(), definition.resources(), stages,
                    definition.binaryMediaTypes(), definition.gatewayResponses(), keySource, endpointType, vpcEndpointIds,
                    definition.policy());
            SecurityChecks.check(api, definition.lines(), projectFile, projectFile.region(), problems, warnings);
            checkRoutes(api, problems);
            checkFunctionBindings(api, definition.lines(), projectFile.functions(), problems, warnings);
            AwsServiceChecks.check(api, definition.lines(), projectFile.awsServices(), warnings);
            apis.add(api);
        }
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        List<ApiKeySpec> keys = UsagePlanChecks.withValues(projectFile.apiKeys(), problems, warnings, projectFile.lines());
        UsagePlanChecks.check(projectFile.usagePlans(), keys, apis, projectFile.lines(), problems);
        Map<String, Api> apisByName = new LinkedHashMap<>();
        apis.forEach(a -> apisByName.put(a.name(), a));
        List<dev.gwemu.model.DomainSpec> domains = DomainsReader.read(projectFile.domains(), apisByName,
                projectFile.lines(), problems);
        if (!problems.isEmpty()) {
            throw new DefinitionException(problems);
        }
        return new Loaded(new Project(file, projectFile.region(), projectFile.accountId(), apis, projectFile.functions(),
                keys, projectFile.usagePlans(), projectFile.accountThrottle(), domains, projectFile.security(),
                projectFile.awsServices()),
                List.copyOf(warnings));
    }

    private static void checkRoutes(Api api, List<Problem> problems) {
        try {
            new ResourceTree(api.resources());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(api.definition(), 0, "/paths", e.getMessage()));
        }
    }

    /** Every Lambda URI, resolved in every stage, must name a function api.yaml binds. */
    private static void checkFunctionBindings(Api api, SourceLines lines, Map<String, FunctionSpec> functions,
                                              List<Problem> problems, List<Problem> warnings) {
        for (Resource resource : api.resources()) {
            for (Method method : resource.methods().values()) {
                if (!method.integration().callsLambda()) {
                    continue;
                }
                String uri = method.integration().uri();
                String at = OpenApiReader.integrationUriPointer(resource.path(), method.httpMethod());
                for (Stage stage : api.stages().values()) {
                    List<String> unset = LambdaFunctionUri.unsetVariables(uri, stage.variables());
                    if (!unset.isEmpty()) {
                        warnings.add(lines.problem(at, method.httpMethod() + " " + resource.path() + " in stage '" + stage.name()
                                + "': stage variable(s) " + unset + " are not set there, so its requests fail with 500 as in AWS"));
                        continue;
                    }
                    String resolved = LambdaFunctionUri.substitute(uri, stage.variables());
                    String where = method.httpMethod() + " " + resource.path()
                            + (LambdaFunctionUri.hasStageVariables(uri) ? " in stage '" + stage.name() + "'" : "");
                    try {
                        String function = LambdaFunctionUri.parse(resolved).functionName();
                        if (!functions.containsKey(function)) {
                            problems.add(lines.problem(at, where + ": the integration calls function '" + function
                                    + "', which api.yaml does not bind (add it under 'functions:')"));
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(lines.problem(at, where + ": " + e.getMessage()));
                    }
                    if (!LambdaFunctionUri.hasStageVariables(uri)) {
                        break;
                    }
                }
            }
        }
    }
}
