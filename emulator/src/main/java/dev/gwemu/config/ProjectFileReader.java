package dev.gwemu.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gwemu.model.AccessLogSettings;
import dev.gwemu.model.ApiKeySpec;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.FunctionRuntime;
import dev.gwemu.model.MethodSetting;
import dev.gwemu.model.StageCache;
import dev.gwemu.model.Throttle;
import dev.gwemu.model.UsagePlanSpec;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.model.Project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the project file (api.yaml): which APIs, from which definitions, with which stages, and
 * which local code each Lambda function runs. Every unknown key is an error, so a typo never
 * silently changes behaviour.
 */
final class ProjectFileReader {
    /** An API entry before its definition is read. */
    record ApiEntry(String name, String id, String type, Path definition, Map<String, StageEntry> stages,
                    String apiKeySource, dev.gwemu.model.EndpointType endpointType, List<String> vpcEndpointIds,
                    String pointer, JsonNode node) {
    }

    /** A stage's settings before its API is read. */
    record StageEntry(Map<String, String> variables, Throttle throttle, Map<String, MethodSetting> methodSettings,
                      StageCache cache, CanaryEntry canary, AccessLogSettings accessLog, String pointer) {
    }

    /** A stage's canary before its deployment id is made. */
    record CanaryEntry(double percentTraffic, Map<String, String> stageVariableOverrides, boolean useStageCache,
                       Path definition) {
    }

    record ProjectFile(String region, String accountId, List<ApiEntry> apis, Map<String, FunctionSpec> functions,
                       List<ApiKeySpec> apiKeys, List<UsagePlanSpec> usagePlans, Throttle accountThrottle,
                       JsonNode domains, dev.gwemu.model.SecuritySpec security,
                       Map<String, dev.gwemu.model.AwsServiceSpec> awsServices, SourceLines lines) {
    }

    private static final Pattern API_ID = Pattern.compile("[a-z0-9]{10}");
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** The HTTP API stage served at the root, without a stage segment (data-plane.md §3.1). */
    static final String HTTP_DEFAULT_STAGE = "$default";
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private final Path file;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private SourceLines lines;
    private AccessLogSettingsReader accessLogs;

    ProjectFileReader(Path file, List<Problem> problems, List<Problem> warnings) {
        this.file = file;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** @return the file's content, or null when it cannot be parsed at all (the problem is recorded) */
    ProjectFile read() {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new Problem(file, line, "", "not valid YAML: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "", "cannot read: " + e));
            return null;
        }
        lines = SourceLines.of(file);
        accessLogs = new AccessLogSettingsReader(file.toAbsolutePath().getParent(), lines, problems, warnings);
        if (root == null || !root.isObject()) {
            problems.add(new Problem(file, 1, "", "expected a mapping with 'apis' and 'functions'"));
            return null;
        }
        allowOnly(root, "", Set.of("region", "accountId", "apis", "functions", "apiKeys", "usagePlans", "accountThrottle",
                "domains", "credentials", "userPools", "jwtIssuers", "vpcEndpoints", "signatureSkewSeconds",
                "accessDeniedWording", "awsServices"));
        String region = text(root, "/region", Project.DEFAULT_REGION);
        String accountId = text(root, "/accountId", Project.DEFAULT_ACCOUNT_ID);
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            error("/accountId", "accountId must be 12 digits, got '" + accountId + "'");
        }
        UsageSettingsReader usage = new UsageSettingsReader(lines, problems);
        Throttle account = root.has("accountThrottle") ? usage.throttle(root.get("accountThrottle"), "/accountThrottle")
                : Throttle.ACCOUNT_DEFAULT;
        return new ProjectFile(region, accountId, apis(root.path("apis"), usage), functions(root.path("functions")),
                usage.apiKeys(root.path("apiKeys")), usage.usagePlans(root.path("usagePlans")),
                account == null ? Throttle.ACCOUNT_DEFAULT : account, root.path("domains"),
                new SecurityReader(file.toAbsolutePath().getParent(), lines, problems).read(root),
                new AwsServicesReader(lines, problems, System::getenv).read(root.path("awsServices")), lines);
    }

    private List<ApiEntry> apis(JsonNode node, UsageSettingsReader usage) {
        List<ApiEntry> apis = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            error("/apis", "'apis' must be a list with at least one API");
            return apis;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = "/apis/" + i;
            JsonNode api = node.get(i);
            if (!api.isObject()) {
                error(at, "each API must be a mapping with name, definition and stages");
                continue;
            }
            String type = text(api, at + "/type", "REST");
            if (!type.equals("REST") && !type.equals("HTTP") && !type.equals("WEBSOCKET")) {
                error(at + "/type", "type is REST, HTTP or WEBSOCKET, got '" + type + "'");
            }
            boolean http = type.equals("HTTP");
            boolean websocket = type.equals("WEBSOCKET");
            allowOnly(api, at, websocket ? WebSocketApiReader.API_KEYS
                    : http ? Set.of("name", "id", "type", "definition", "stages", "apiKeySource", "endpointType", "vpcEndpointIds")
                    : Set.of("name", "id", "type", "definition", "stages", "apiKeySource", "endpointType", "vpcEndpointIds"));
            String name = required(api, at + "/name");
            String id = text(api, at + "/id", null);
            if (id != null && !API_ID.matcher(id).matches()) {
                error(at + "/id", "an API id is 10 lowercase letters or digits, got '" + id + "'");
            }
            if (http) {
                for (String restOnly : List.of("apiKeySource", "endpointType", "vpcEndpointIds")) {
                    if (api.has(restOnly)) {
                        error(at + "/" + restOnly, restOnly + " is a REST API setting; HTTP APIs are REGIONAL and have no API keys");
                    }
                }
            }
            if (websocket) {
                apis.add(new ApiEntry(name, id, type, null, stages(api.path("stages"), at + "/stages", usage, false),
                        null, null, List.of(), at, api));
                continue;
            }
            String definition = required(api, at + "/definition");
            Path definitionPath = definition == null ? null : file.toAbsolutePath().getParent().resolve(definition).normalize();
            if (definitionPath != null && !Files.isRegularFile(definitionPath)) {
                error(at + "/definition", "definition file " + definitionPath + " does not exist");
                definitionPath = null;
            }
            String keySource = text(api, at + "/apiKeySource", null);
            if (keySource != null && !keySource.equals("HEADER") && !keySource.equals("AUTHORIZER")) {
                error(at + "/apiKeySource", "apiKeySource is HEADER or AUTHORIZER, got '" + keySource + "'");
            }
            dev.gwemu.model.EndpointType endpointType = null;
            String endpoint = text(api, at + "/endpointType", null);
            if (endpoint != null) {
                try {
                    endpointType = dev.gwemu.model.EndpointType.valueOf(endpoint);
                } catch (IllegalArgumentException e) {
                    error(at + "/endpointType", "endpointType is EDGE, REGIONAL or PRIVATE, got '" + endpoint + "'");
                }
            }
            List<String> vpce = new ArrayList<>();
            api.path("vpcEndpointIds").forEach(v -> vpce.add(v.asText()));
            apis.add(new ApiEntry(name, id, type, definitionPath, stages(api.path("stages"), at + "/stages", usage, http),
                    keySource, endpointType, vpce, at, api));
        }
        return apis;
    }

    private Map<String, StageEntry> stages(JsonNode node, String at, UsageSettingsReader usage, boolean http) {
        Map<String, StageEntry> stages = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            error(at, "'stages' must map at least one stage name to its settings, e.g. 'dev: {}'");
            return stages;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> stage = it.next();
            String stageAt = at + "/" + escape(stage.getKey());
            boolean defaultStage = http && stage.getKey().equals(HTTP_DEFAULT_STAGE);
            if (!defaultStage && !STAGE_NAME.matcher(stage.getKey()).matches()) {
                error(stageAt, "stage name '" + stage.getKey() + "' may contain only letters, digits, '-' and '_'"
                        + (http ? " (or be $default)" : ""));
            }
            JsonNode settings = stage.getValue();
            if (settings.isNull()) {
                stages.put(stage.getKey(), new StageEntry(Map.of(), null, Map.of(), null, null, null, stageAt));
                continue;
            }
            if (!settings.isObject()) {
                error(stageAt, "stage settings must be a mapping");
                continue;
            }
            AccessLogSettings accessLog = settings.has("accessLogSettings") ? accessLogs.read(settings.get("accessLogSettings"),
                    stageAt + "/accessLogSettings", http ? ApiType.HTTP : ApiType.REST) : null;
            if (http) {
                allowOnly(settings, stageAt, Set.of("variables", "throttle", "routeSettings", "accessLogSettings"));
                stages.put(stage.getKey(), new StageEntry(stringMap(settings.path("variables"), stageAt + "/variables"),
                        settings.has("throttle") ? usage.throttle(settings.get("throttle"), stageAt + "/throttle") : null,
                        routeSettings(settings.path("routeSettings"), stageAt + "/routeSettings", usage), null, null,
                        accessLog, stageAt));
                continue;
            }
            allowOnly(settings, stageAt, Set.of("variables", "throttle", "methodSettings", "cache", "canary", "accessLogSettings"));
            stages.put(stage.getKey(), new StageEntry(stringMap(settings.path("variables"), stageAt + "/variables"),
                    settings.has("throttle") ? usage.throttle(settings.get("throttle"), stageAt + "/throttle") : null,
                    usage.methodSettings(settings.path("methodSettings"), stageAt + "/methodSettings"),
                    settings.has("cache") ? usage.cache(settings.get("cache"), stageAt + "/cache") : null,
                    settings.has("canary") ? canary(settings.get("canary"), stageAt + "/canary") : null, accessLog, stageAt));
        }
        return stages;
    }

    /**
     * An HTTP API stage's {@code routeSettings: {"GET /pets": {throttle: {burstLimit, rateLimit}}}}, kept as method
     * settings keyed by route key (CloudFormation's {@code RouteSettings}); the keys are checked against the routes later.
     */
    private Map<String, MethodSetting> routeSettings(JsonNode node, String at, UsageSettingsReader usage) {
        Map<String, MethodSetting> settings = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return settings;
        }
        if (!node.isObject()) {
            error(at, "routeSettings maps route keys (\"GET /pets\") to {throttle: {burstLimit, rateLimit}}");
            return settings;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> route = it.next();
            String routeAt = at + "/" + escape(route.getKey());
            allowOnly(route.getValue(), routeAt, Set.of("throttle"));
            JsonNode throttle = route.getValue().path("throttle");
            settings.put(route.getKey(), new MethodSetting(throttle.isMissingNode() ? null
                    : usage.throttle(throttle, routeAt + "/throttle"), null, null));
        }
        return settings;
    }

    /** {@code canary: {percentTraffic: 10, stageVariableOverrides: {...}, useStageCache: false}} (§1.4). */
    private CanaryEntry canary(JsonNode node, String at) {
        allowOnly(node, at, Set.of("percentTraffic", "stageVariableOverrides", "useStageCache", "definition"));
        Path definition = null;
        if (node.hasNonNull("definition")) {
            definition = file.toAbsolutePath().getParent().resolve(node.get("definition").asText()).normalize();
            if (!Files.isRegularFile(definition)) {
                error(at + "/definition", "the canary's definition file " + definition + " does not exist");
                definition = null;
            }
        }
        JsonNode percent = node.path("percentTraffic");
        double share = percent.isMissingNode() ? 0.0 : percent.asDouble(-1);
        if (!percent.isMissingNode() && (!percent.isNumber() || share < 0 || share > 100)) {
            error(at + "/percentTraffic", "percentTraffic is a number from 0.0 to 100.0, got '" + percent.asText() + "'");
            share = 0.0;
        }
        return new CanaryEntry(share, stringMap(node.path("stageVariableOverrides"), at + "/stageVariableOverrides"),
                node.path("useStageCache").asBoolean(false), definition);
    }

    private Map<String, FunctionSpec> functions(JsonNode node) {
        Map<String, FunctionSpec> functions = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return functions;
        }
        if (!node.isObject()) {
            error("/functions", "'functions' must map function names to their code");
            return functions;
        }
        Path base = file.toAbsolutePath().getParent();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String at = "/functions/" + escape(name);
            JsonNode fn = entry.getValue();
            if (!FUNCTION_NAME.matcher(name).matches()) {
                error(at, "function name '" + name + "' may contain only letters, digits, '-' and '_' (64 at most)");
            }
            if (!fn.isObject()) {
                error(at, "a function needs at least 'code' (or 'jar') and 'handler'");
                continue;
            }
            allowOnly(fn, at, Set.of("jar", "code", "runtime", "handler", "timeout", "memorySize", "environment",
                    "reservedConcurrency", "inheritEnvironment"));
            FunctionRuntime runtime = runtime(fn, at + "/runtime");
            String codeKey = fn.has("code") ? "code" : "jar";
            if (fn.has("code") && fn.has("jar")) {
                error(at + "/jar", "give the function's code once: 'code' and 'jar' mean the same");
            }
            String jar = required(fn, at + "/" + codeKey);
            String handler = required(fn, at + "/handler");
            int timeout = integer(fn, at + "/timeout", FunctionSpec.DEFAULT_TIMEOUT_SECONDS, 1, 900);
            int memory = integer(fn, at + "/memorySize", FunctionSpec.DEFAULT_MEMORY_MB, 128, 10240);
            Map<String, String> environment = stringMap(fn.path("environment"), at + "/environment");
            Integer reserved = fn.hasNonNull("reservedConcurrency")
                    ? integer(fn, at + "/reservedConcurrency", 0, 0, FunctionSpec.MAX_RESERVED_CONCURRENCY) : null;
            List<String> inherited = names(fn.path("inheritEnvironment"), at + "/inheritEnvironment");
            if (jar == null || handler == null) {
                continue;
            }
            Path code = base.resolve(jar).normalize();
            if (!Files.exists(code)) {
                error(at + "/" + codeKey, "function " + name + ": " + code + " does not exist"
                        + (jar.endsWith(".jar") ? " (build the handler jar first)" : ""));
            } else if (runtime.isNodeJs() && !Files.isDirectory(code)) {
                error(at + "/" + codeKey, "function " + name + ": a " + runtime + " function's code is a folder"
                        + " (the one its handler file is in), not " + code);
            }
            functions.put(name, new FunctionSpec(name, code, handler, timeout, memory, environment, reserved, inherited,
                    runtime));
        }
        return functions;
    }

    /** A list of environment variable names, e.g. {@code inheritEnvironment: [PATH, HOME]}. */
    private List<String> names(JsonNode node, String at) {
        List<String> names = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return names;
        }
        if (!node.isArray()) {
            error(at, "expected a list of environment variable names, e.g. [PATH, HOME]");
            return names;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode name = node.get(i);
            if (!name.isTextual() || !ENVIRONMENT_NAME.matcher(name.asText()).matches()) {
                error(at + "/" + i, "'" + name.asText() + "' is not an environment variable name");
                continue;
            }
            names.add(name.asText());
        }
        return names;
    }

    private void allowOnly(JsonNode node, String at, Set<String> known) {
        KnownKeys.check(node, at, known, this::error);
    }

    /** {@code runtime: nodejs20.x}; Java ({@code java17}) when absent or after reporting a bad one. */
    private FunctionRuntime runtime(JsonNode fn, String pointer) {
        String id = text(fn, pointer, null);
        if (id == null) {
            return FunctionRuntime.DEFAULT;
        }
        try {
            return new FunctionRuntime(id);
        } catch (IllegalArgumentException e) {
            error(pointer, e.getMessage());
            return FunctionRuntime.DEFAULT; // the load fails anyway; the function still counts as bound
        }
    }

    private String required(JsonNode parent, String pointer) {
        String value = text(parent, pointer, null);
        if (value == null || value.isBlank()) {
            error(pointer, "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "' is required");
            return null;
        }
        return value;
    }

    private String text(JsonNode parent, String pointer, String fallback) {
        JsonNode value = parent.path(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isValueNode()) {
            error(pointer, "expected a single value");
            return fallback;
        }
        return value.asText();
    }

    private int integer(JsonNode parent, String pointer, int fallback, int min, int max) {
        JsonNode value = parent.path(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            error(pointer, "expected a whole number from " + min + " to " + max + ", got '" + value.asText() + "'");
            return fallback;
        }
        return value.asInt();
    }

    private Map<String, String> stringMap(JsonNode node, String at) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            error(at, "expected a mapping of names to values");
            return map;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                error(at + "/" + escape(e.getKey()), "'" + e.getKey() + "' must have a plain value");
                continue;
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }

    private void error(String pointer, String message) {
        problems.add(lines == null ? new Problem(file, 0, pointer, message) : lines.problem(pointer, message));
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
