package dev.gwemu.maven;

import dev.gwemu.Gwemu;
import dev.gwemu.config.DefinitionException;
import dev.gwemu.lambda.FunctionLoadException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.random.RandomGenerator;

/**
 * Starts gwemu inside Maven's JVM before the integration tests, and tells them where it serves: project properties
 * {@code gwemu.port}, {@code gwemu.baseUrl}, <code>gwemu.url.{api}.{stage}</code>, <code>gwemu.hostHeader.{api}</code> (for
 * {@code ${...}} in failsafe's {@code systemPropertyVariables}), also appended to {@code argLine} as {@code -D} options.
 * {@code stop} ends it.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The project file to serve. */
    @Parameter(property = "gwemu.apiFile", defaultValue = "${project.basedir}/api.yaml")
    File apiFile;

    /** The port to listen on; 0 picks a free one. */
    @Parameter(property = "gwemu.port", defaultValue = "0")
    int port;

    /** The address to listen on. */
    @Parameter(property = "gwemu.host", defaultValue = "127.0.0.1")
    String host;

    /** The gateway clock's start as an ISO-8601 instant ({@code 2026-11-25T09:00:00Z}); the real time when absent. */
    @Parameter(property = "gwemu.startTime")
    String startTime;

    /** A file that gets one line per request (appended); none when absent. */
    @Parameter(property = "gwemu.requestLog")
    File requestLog;

    /** Also append the properties to {@code argLine}, so failsafe's forked JVM gets them without configuration. */
    @Parameter(property = "gwemu.exportToArgLine", defaultValue = "true")
    boolean exportToArgLine;

    /** The -D properties of the command line: failsafe passes those to the tests itself. */
    @Parameter(defaultValue = "${session.userProperties}", readonly = true)
    Properties userProperties;

    /** Skips starting gwemu (and so {@code stop} finds nothing to stop). */
    @Parameter(property = "gwemu.skip", defaultValue = "false")
    boolean skip;

    /** Failsafe's switch: when integration tests are skipped, gwemu is not started either. */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    /** Skips with every test, as failsafe does. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skips when tests are not even compiled, as failsafe does. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skipTestCompilation;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipITs || skipTests || skipTestCompilation) {
            getLog().info("gwemu: skipped");
            return;
        }
        Map<String, Object> context = pluginContext();
        if (context.get(RunningGateway.CONTEXT_KEY) instanceof RunningGateway running) {
            throw new MojoExecutionException("gwemu is already running for " + project.getArtifactId() + " on port "
                    + running.gwemu().port() + ": one start per module, and a stop after it");
        }
        long started = System.nanoTime();
        PrintStream log = requestLog == null ? null : openRequestLog();
        Gwemu gwemu;
        try {
            gwemu = start(log);
        } catch (MojoFailureException | RuntimeException e) {
            closeQuietly(log);
            throw e;
        }
        Map<String, String> properties;
        String argLineBefore = project.getProperties().getProperty(ArgLine.PROPERTY);
        String argLineAfter = null;
        try {
            properties = GatewayProperties.of(gwemu);
            if (exportToArgLine) {
                argLineAfter = ArgLine.append(argLineBefore, notOnTheCommandLine(properties));
            }
        } catch (RuntimeException e) {
            gwemu.close();
            closeQuietly(log);
            if (e instanceof IllegalArgumentException) {
                throw new MojoFailureException("gwemu: " + e.getMessage()
                        + "; set exportToArgLine to false and pass it with systemPropertyVariables", e);
            }
            throw e;
        }
        properties.forEach(project.getProperties()::setProperty);
        if (argLineAfter != null) {
            project.getProperties().setProperty(ArgLine.PROPERTY, argLineAfter);
        }
        context.put(RunningGateway.CONTEXT_KEY, new RunningGateway(gwemu, log, properties, argLineBefore, argLineAfter));
        report(gwemu, properties, (System.nanoTime() - started) / 1_000_000);
    }

    private static void closeQuietly(PrintStream log) {
        if (log != null) {
            log.close();
        }
    }

    /** Without those failsafe passes anyway (-Dgwemu.port=3000): twice would make it warn. */
    private Map<String, String> notOnTheCommandLine(Map<String, String> properties) {
        Map<String, String> rest = new LinkedHashMap<>(properties);
        if (userProperties != null) {
            rest.entrySet().removeIf(p -> p.getValue().equals(userProperties.getProperty(p.getKey())));
        }
        return rest;
    }

    private Gwemu start(PrintStream log) throws MojoFailureException {
        File file = apiFile.getAbsoluteFile();
        if (!file.isFile()) {
            throw new MojoFailureException("gwemu: no project file " + file
                    + " (set <apiFile> in the plugin's configuration, or -Dgwemu.apiFile)");
        }
        Gwemu.Builder builder = Gwemu.forApi(file.toPath()).port(port).host(host);
        if (startTime != null && !startTime.isBlank()) {
            builder.startTime(parseStartTime());
        }
        if (log != null) {
            builder.requestLog(log);
        }
        try {
            loadRandomGeneratorsOutsideThePluginRealm();
            return builder.start();
        } catch (DefinitionException e) {
            StringBuilder message = new StringBuilder("gwemu: cannot load ").append(file).append(':');
            e.problems().forEach(problem -> message.append("\n  ").append(problem));
            throw new MojoFailureException(message.toString(), e);
        } catch (FunctionLoadException e) {
            throw new MojoFailureException("gwemu: cannot load " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (rootCause(e) instanceof BindException bind) {
                throw new MojoFailureException("gwemu: cannot listen on " + host + ":" + port + ": " + bind.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * {@code RandomGenerator.getDefault()} (gwemu's canary routing) finds the JDK's algorithms once per JVM, through a
     * ServiceLoader over the context class loader. Their module (jdk.random) is defined to the JDK's application class
     * loader, which Maven's plugin realm does not delegate to, so they are looked up first with that loader as the
     * context; the JDK keeps what it found for the rest of the JVM's life.
     */
    private static void loadRandomGeneratorsOutsideThePluginRealm() {
        Thread thread = Thread.currentThread();
        ClassLoader pluginRealm = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            RandomGenerator.getDefault();
        } finally {
            thread.setContextClassLoader(pluginRealm);
        }
    }

    private Instant parseStartTime() throws MojoFailureException {
        try {
            return Instant.parse(startTime.strip());
        } catch (DateTimeParseException e) {
            throw new MojoFailureException("gwemu: startTime " + startTime
                    + " is not an ISO-8601 instant such as 2026-11-25T09:00:00Z", e);
        }
    }

    private PrintStream openRequestLog() throws MojoFailureException {
        File file = requestLog.getAbsoluteFile();
        try {
            if (file.getParentFile() != null) {
                file.getParentFile().mkdirs();
            }
            return new PrintStream(new FileOutputStream(file, true), true, StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new MojoFailureException("gwemu: cannot write the request log " + file + ": " + e.getMessage(), e);
        }
    }

    private void report(Gwemu gwemu, Map<String, String> properties, long millis) {
        gwemu.warnings().forEach(warning -> getLog().warn("gwemu: " + warning));
        getLog().info("gwemu: serving " + apiFile.getAbsoluteFile() + " on port " + gwemu.port() + " (started in " + millis + " ms)");
        properties.forEach((name, value) -> {
            if (name.startsWith(GatewayProperties.URL_PREFIX) || name.startsWith(GatewayProperties.HOST_HEADER_PREFIX)) {
                getLog().info("  " + name + " = " + value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> pluginContext() throws MojoExecutionException {
        Map<String, Object> context = getPluginContext();
        if (context == null) {
            throw new MojoExecutionException("gwemu: no plugin context to keep the gateway in for the stop goal");
        }
        return context;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
