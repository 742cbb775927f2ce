package dev.gwemu.lambda.sandbox;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.gwemu.lambda.sandbox.FunctionLoaders.PACKAGE;
import static dev.gwemu.lambda.sandbox.FunctionLoaders.lean;
import static dev.gwemu.lambda.sandbox.FunctionLoaders.open;
import static dev.gwemu.lambda.sandbox.FunctionLoaders.sandbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** System.getenv in function code answers with its own loader's variables, and only those. */
class FunctionEnvironmentVariablesTest {
    private static final Map<String, String> RED = Map.of("COLOR", "red", "TABLE", "pets-red");
    private static final Map<String, String> BLUE = Map.of("COLOR", "blue");

    @Test
    void getenvOfANameSeesOnlyTheFunctionsVariables() throws Exception {
        assertNotNull(System.getenv("PATH"), "the test needs a host variable to not leak");
        try (URLClassLoader loader = open(lean(), RED)) {
            Class<?> handler = loader.loadClass(PACKAGE + "EnvHandler");

            assertEquals("red", call(handler, "variable", "COLOR"));
            assertEquals("pets-red", call(handler, "variableByMethodReference", "TABLE"));
            assertEquals("red", call(handler, "variableFromLibrary", "COLOR"));
            assertNull(call(handler, "variable", "PATH"), "a host variable leaked");
            assertNull(call(handler, "variableByMethodReference", "PATH"));
            assertNull(call(handler, "variableFromLibrary", "PATH"));
        }
    }

    @Test
    void getenvOfAllIsExactlyTheFunctionsVariablesAndUnmodifiable() throws Exception {
        try (URLClassLoader loader = open(lean(), RED)) {
            Class<?> handler = loader.loadClass(PACKAGE + "EnvHandler");
            @SuppressWarnings("unchecked")
            Map<String, String> all = (Map<String, String>) call(handler, "variables");

            assertEquals(RED, all);
            assertEquals(RED, call(handler, "variablesByMethodReference"));
            assertEquals(List.of("COLOR", "TABLE"), new ArrayList<>(all.keySet()), "sorted by name");
            assertThrows(UnsupportedOperationException.class, () -> all.put("X", "y"));
            assertThrows(NullPointerException.class, () -> all.get(null), "as System.getenv().get(null)");
        }
    }

    @Test
    void aNullNameThrowsAsSystemGetenvDoes() throws Exception {
        try (URLClassLoader loader = open(lean(), RED)) {
            Method variable = loader.loadClass(PACKAGE + "EnvHandler").getMethod("variable", String.class);

            Throwable thrown = assertThrows(Exception.class, () -> variable.invoke(null, (Object) null));
            assertEquals(NullPointerException.class, thrown.getCause().getClass());
        }
    }

    @Test
    void variablesSetLaterAreSeenByLaterCalls() throws Exception {
        try (URLClassLoader loader = open(lean(), Map.of())) {
            Class<?> handler = loader.loadClass(PACKAGE + "EnvHandler");
            assertNull(call(handler, "variable", "AWS_LAMBDA_LOG_STREAM_NAME"));

            sandbox(loader).setEnvironmentVariables(Map.of("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]abc"));

            assertEquals("2026/01/01/[$LATEST]abc", call(handler, "variable", "AWS_LAMBDA_LOG_STREAM_NAME"));
        }
    }

    @Test
    void twoFunctionsInTheSameJarReadingAtOnceEachSeeTheirOwn() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (URLClassLoader red = open(lean(), RED); URLClassLoader blue = open(lean(), BLUE)) {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> redReads = threads.submit(() -> readRepeatedly(red, start, "red", RED));
            Future<Integer> blueReads = threads.submit(() -> readRepeatedly(blue, start, "blue", BLUE));
            start.countDown();

            assertEquals(20_000, redReads.get(30, TimeUnit.SECONDS));
            assertEquals(20_000, blueReads.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    private static int readRepeatedly(ClassLoader loader, CountDownLatch start, String color, Map<String, String> all)
            throws Exception {
        Class<?> handler = loader.loadClass(PACKAGE + "EnvHandler");
        Method variable = handler.getMethod("variable", String.class);
        Method variables = handler.getMethod("variables");
        start.await();
        int reads = 0;
        for (int i = 0; i < 10_000; i++) {
            assertEquals(color, variable.invoke(null, "COLOR"));
            assertEquals(all, variables.invoke(null));
            reads += 2;
        }
        return reads;
    }

    static Object call(Class<?> type, String method, Object... arguments) throws Exception {
        Class<?>[] parameters = new Class<?>[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            parameters[i] = arguments[i] instanceof Integer ? int.class : arguments[i].getClass();
        }
        return type.getMethod(method, parameters).invoke(null, arguments);
    }
}
