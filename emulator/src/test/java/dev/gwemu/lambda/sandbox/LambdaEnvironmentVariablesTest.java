package dev.gwemu.lambda.sandbox;

import dev.gwemu.model.FunctionSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The variables Lambda's Java 17 runtime gives a function, built from its spec. */
class LambdaEnvironmentVariablesTest {
    private static final Path JAR = Path.of("/work/fn/handlers.jar");
    private static final Map<String, String> HOST = Map.of("PATH", "/usr/bin", "HOME", "/root",
            "AWS_ACCESS_KEY_ID", "AKIAHOST", "AWS_SECRET_ACCESS_KEY", "host-secret", "AWS_PROFILE", "dev");

    @Test
    void reservedVariablesFunctionsOwnAndHostCredentialsOnly() {
        FunctionSpec spec = new FunctionSpec("GetPet", JAR, "com.example.GetPet::handleRequest", 6, 512,
                Map.of("TABLE", "pets"));

        Map<String, String> variables = LambdaEnvironmentVariables.of(spec, "eu-west-1", "2026/11/25/[$LATEST]abc", HOST);

        Map<String, String> expected = new TreeMap<>();
        expected.put("AWS_REGION", "eu-west-1");
        expected.put("AWS_DEFAULT_REGION", "eu-west-1");
        expected.put("AWS_LAMBDA_FUNCTION_NAME", "GetPet");
        expected.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        expected.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        expected.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/GetPet");
        expected.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/25/[$LATEST]abc");
        expected.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        expected.put("_HANDLER", "com.example.GetPet::handleRequest");
        expected.put("LAMBDA_TASK_ROOT", "/work/fn");
        expected.put("TZ", ":UTC");
        expected.put("AWS_ACCESS_KEY_ID", "AKIAHOST");
        expected.put("AWS_SECRET_ACCESS_KEY", "host-secret");
        expected.put("TABLE", "pets");
        assertEquals(expected, variables);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(variables.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> variables.put("X", "y"));
    }

    @Test
    void theFunctionMaySetTzAndCredentialsButNotReservedOnes() {
        FunctionSpec spec = new FunctionSpec("Fn", JAR, "a.B", 3, 128, Map.of("TZ", "Europe/Paris",
                "AWS_ACCESS_KEY_ID", "AKIAFILE", "AWS_REGION", "mars-1", "AWS_LAMBDA_FUNCTION_NAME", "Other"));

        Map<String, String> variables = LambdaEnvironmentVariables.of(spec, "us-east-1", null, HOST);

        assertEquals("Europe/Paris", variables.get("TZ"));
        assertEquals("AKIAFILE", variables.get("AWS_ACCESS_KEY_ID"));
        assertEquals("us-east-1", variables.get("AWS_REGION"));
        assertEquals("Fn", variables.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertFalse(variables.containsKey("AWS_LAMBDA_LOG_STREAM_NAME"), "unknown yet: left out");
    }

    @Test
    void listedHostVariablesAreInheritedOthersAreNot() {
        FunctionSpec spec = new FunctionSpec("Fn", JAR, "a.B", 3, 128, Map.of("HOME", "/var/task"));

        Map<String, String> variables = LambdaEnvironmentVariables.of(spec, "us-east-1", "s", HOST,
                List.of("PATH", "HOME", "NOT_SET_ON_HOST"));

        assertEquals("/usr/bin", variables.get("PATH"));
        assertEquals("/var/task", variables.get("HOME"), "the function's own value wins");
        assertFalse(variables.containsKey("NOT_SET_ON_HOST"));
        assertFalse(variables.containsKey("AWS_PROFILE"));
    }
}
