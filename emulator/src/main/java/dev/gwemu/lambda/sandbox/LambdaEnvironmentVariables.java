package dev.gwemu.lambda.sandbox;

import dev.gwemu.model.FunctionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment variables a function sees, as Lambda's runtimes set them: the reserved
 * ones, the function's own {@code environment}, credentials, and nothing else of the host's unless
 * listed.
 */
public final class LambdaEnvironmentVariables {
    /** Lambda sets these; a function's configuration cannot change them. */
    public static final Set<String> RESERVED = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_EXECUTION_ENV", "_HANDLER", "LAMBDA_TASK_ROOT");
    /** Taken from the host when set there; a function's {@code environment} may set them instead. */
    public static final List<String> CREDENTIALS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN");
    static final String VERSION = "$LATEST"; // gwemu always runs the unpublished version

    private LambdaEnvironmentVariables() {
    }

    /** As {@link #of(FunctionSpec, String, String, Map, Collection)} inheriting none of the host's other variables. */
    public static Map<String, String> of(FunctionSpec spec, String region, String logStreamName, Map<String, String> host) {
        return of(spec, region, logStreamName, host, spec.inheritEnvironment());
    }

    /**
     * @param region        the project's region
     * @param logStreamName the environment's log stream; left out when null
     * @param host          the host's variables, usually {@code System.getenv()}
     * @param inherited     names of host variables the function also sees ({@code inheritEnvironment} in api.yaml)
     * @return an unmodifiable map sorted by name. Later entries win: inherited host variables, {@code TZ},
     *         host credentials, the function's {@code environment}, then the reserved variables.
     */
    public static Map<String, String> of(FunctionSpec spec, String region, String logStreamName,
                                         Map<String, String> host, Collection<String> inherited) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : inherited) {
            putIfSet(variables, name, host.get(name));
        }
        variables.put("TZ", ":UTC"); // not reserved in Lambda: a function may set its own
        for (String name : CREDENTIALS) {
            putIfSet(variables, name, host.get(name));
        }
        variables.putAll(spec.environment());

        variables.put("AWS_REGION", region);
        variables.put("AWS_DEFAULT_REGION", region);
        variables.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", VERSION);
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        putIfSet(variables, "AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        variables.put("AWS_EXECUTION_ENV", spec.runtime().executionEnv());
        putIfSet(variables, "_HANDLER", spec.handler());
        putIfSet(variables, "LAMBDA_TASK_ROOT", taskRoot(spec.code()));
        return Collections.unmodifiableMap(new TreeMap<>(variables));
    }

    /**
     * Lambda's is /var/task, where the package is unpacked. Locally the nearest thing a function can
     * read files from: its class directory, or the directory its jar is in.
     */
    private static String taskRoot(Path code) {
        if (code == null) {
            return null;
        }
        Path absolute = code.toAbsolutePath();
        Path root = Files.isDirectory(absolute) || absolute.getParent() == null ? absolute : absolute.getParent();
        return root.toString();
    }

    private static void putIfSet(Map<String, String> variables, String name, String value) {
        if (value != null) {
            variables.put(name, value);
        }
    }
}
