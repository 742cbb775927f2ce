package dev.gwemu.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.util.Map;
import java.util.Properties;

/**
 * Stops the gwemu that {@code start} started for this module, after the integration tests, and takes back the project
 * properties it set. Nothing to stop (start skipped, or not run) is not an error.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    @SuppressWarnings("unchecked")
    public void execute() throws MojoExecutionException {
        Map<String, Object> context = getPluginContext();
        Object kept = context == null ? null : context.remove(RunningGateway.CONTEXT_KEY);
        if (!(kept instanceof RunningGateway running)) {
            getLog().info("gwemu: not running here, nothing to stop");
            return;
        }
        int port = running.gwemu().port();
        running.gwemu().close();
        if (running.requestLog() != null) {
            running.requestLog().close();
        }
        Properties properties = project.getProperties();
        running.properties().keySet().forEach(properties::remove);
        // Put argLine back only if nothing else changed it since.
        if (running.argLineAfter() != null && running.argLineAfter().equals(properties.getProperty(ArgLine.PROPERTY))) {
            if (running.argLineBefore() == null) {
                properties.remove(ArgLine.PROPERTY);
            } else {
                properties.setProperty(ArgLine.PROPERTY, running.argLineBefore());
            }
        }
        getLog().info("gwemu: stopped (port " + port + ")");
    }
}
