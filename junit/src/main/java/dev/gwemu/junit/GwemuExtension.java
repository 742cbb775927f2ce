package dev.gwemu.junit;

import dev.gwemu.Gwemu;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
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
 * or declared with {@link GwemuTest} on the class.
 */
public final class GwemuExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final Path apiYaml;
    private final Instant startTime;
    private Gwemu gwemu;

    /** For {@link GwemuTest}: the project comes from the annotation. */
    public GwemuExtension() {
        this(null, null);
    }

    private GwemuExtension(Path apiYaml, Instant startTime) {
        this.apiYaml = apiYaml;
        this.startTime = startTime;
    }

    /** @param apiYaml the project file, relative to the working directory (the module's folder under Maven) */
    public static GwemuExtension forApi(String apiYaml) {
        return new GwemuExtension(Path.of(apiYaml), null);
    }

    /** The same extension with the gateway's clock starting at {@code start}. */
    public GwemuExtension startingAt(Instant start) {
        return new GwemuExtension(apiYaml, start);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path project = apiYaml;
        Instant start = startTime;
        if (project == null) {
            GwemuTest annotation = context.getRequiredTestClass().getAnnotation(GwemuTest.class);
            if (annotation == null) {
                throw new IllegalStateException("GwemuExtension needs forApi(...) or @GwemuTest(api = ...) on "
                        + context.getRequiredTestClass().getName());
            }
            project = Path.of(annotation.api());
            start = annotation.startTime().isEmpty() ? null : Instant.parse(annotation.startTime());
        }
        Gwemu.Builder builder = Gwemu.forApi(project);
        if (start != null) {
            builder.startTime(start);
        }
        gwemu = builder.start();
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
        return parameter.getParameter().getType() == Gwemu.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return gwemu();
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
