package dev.gwemu.junit;

import dev.gwemu.Gwemu;
import dev.gwemu.model.Api;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves a gwemu project for one test class: started before the first test, stopped after the last, its
 * {@link Gwemu} handed to test methods that ask for one. Registered as a field,
 * <pre>
 * &#64;RegisterExtension
 * static GwemuExtension gwemu = GwemuExtension.forApi("api.yaml");
 * </pre>
 * or declared with {@link GwemuTest} on the class. Test methods may take the {@link Gwemu} or a stage's base URL
 * ({@link GwemuBaseUrl}) as parameters.
 */
public final class GwemuExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
    private final Path apiYaml;
    private final Instant startTime;
    private final boolean resetBetweenTests;
    private Gwemu gwemu;
    private boolean perTestReset;
    private boolean resetBeforeNextTest;

    /** For {@link GwemuTest}: the project comes from the annotation. */
    public GwemuExtension() {
        this(null, null, false);
    }

    private GwemuExtension(Path apiYaml, Instant startTime, boolean resetBetweenTests) {
        this.apiYaml = apiYaml;
        this.startTime = startTime;
        this.resetBetweenTests = resetBetweenTests;
    }

    /** @param apiYaml the project file, relative to the working directory (the module's folder under Maven) */
    public static GwemuExtension forApi(String apiYaml) {
        return new GwemuExtension(Path.of(apiYaml), null, false);
    }

    /** The same extension with the gateway's clock starting at {@code start}. */
    public GwemuExtension startingAt(Instant start) {
        return new GwemuExtension(apiYaml, start, resetBetweenTests);
    }

    /**
     * The same extension, serving each test a gateway as just started ({@link Gwemu#reset()}): usage counters,
     * throttles, caches and the functions' state do not carry from one test to the next. The clock does.
     */
    public GwemuExtension resettingBetweenTests() {
        return new GwemuExtension(apiYaml, startTime, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path project = apiYaml;
        Instant start = startTime;
        boolean reset = resetBetweenTests;
        if (project == null) {
            GwemuTest annotation = context.getRequiredTestClass().getAnnotation(GwemuTest.class);
            if (annotation == null) {
                throw new IllegalStateException("GwemuExtension needs forApi(...) or @GwemuTest(api = ...) on "
                        + context.getRequiredTestClass().getName());
            }
            project = Path.of(annotation.api());
            start = annotation.startTime().isEmpty() ? null : Instant.parse(annotation.startTime());
            reset = annotation.resetBetweenTests();
        }
        Gwemu.Builder builder = Gwemu.forApi(project);
        if (start != null) {
            builder.startTime(start);
        }
        gwemu = builder.start();
        resetBeforeNextTest = false;
        perTestReset = reset;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTestReset && resetBeforeNextTest) {
            gwemu().reset();
        }
        resetBeforeNextTest = true;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (gwemu != null) {
            gwemu.close();
            gwemu = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Gwemu.class
                || parameter.isAnnotated(GwemuBaseUrl.class) && (type == URI.class || type == String.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == Gwemu.class) {
            return gwemu();
        }
        GwemuBaseUrl wanted = parameter.findAnnotation(GwemuBaseUrl.class).orElseThrow();
        Api api = wanted.api().isEmpty() ? gwemu().project().apis().get(0) : gwemu().project().apis().stream()
                .filter(a -> a.name().equals(wanted.api())).findFirst()
                .orElseThrow(() -> new ParameterResolutionException("the project has no API named " + wanted.api()));
        String stage = wanted.stage().isEmpty() ? api.stages().keySet().iterator().next() : wanted.stage();
        if (!api.stages().containsKey(stage)) {
            throw new ParameterResolutionException("API " + api.name() + " has no stage " + stage);
        }
        URI url = gwemu().baseUrl(api.name(), stage);
        return parameter.getParameter().getType() == URI.class ? url : url.toString();
    }

    /** The running gateway. */
    public Gwemu gwemu() {
        if (gwemu == null) {
            throw new IllegalStateException("gwemu is not running: it runs from before the first test to after the last");
        }
        return gwemu;
    }

    public URI baseUrl(String api, String stage) {
        return gwemu().baseUrl(api, stage);
    }

    public void advanceClock(Duration by) {
        gwemu().advanceClock(by);
    }
}
