package dev.gwemu.watch;

import dev.gwemu.Gateway;
import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.Problem;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.server.GatewayServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code gwemu start}'s watch and reload: when the project's files change it loads them again and, if the new
 * version loads (definitions and function code alike), serves it on the same port; if not, the old version goes on
 * serving and the listener hears why.
 */
public final class Reloader implements AutoCloseable {
    /** Makes the gateway for a freshly loaded project, as the first one was made (same clock, same logs). */
    @FunctionalInterface
    public interface GatewayFactory {
        Gateway create(Project project) throws Exception;
    }

    /** What a reload did, for the console. */
    public interface Listener {
        void reloading(Set<Path> changed);

        void reloaded(ProjectLoader.Loaded loaded, long millis);

        /** @param problems the definition errors, or one line saying what else failed */
        void failed(List<String> problems);
    }

    private final Path apiYaml;
    private final GatewayServer server;
    private final GatewayFactory factory;
    private final Listener listener;
    private final ProjectWatcher watcher;

    private Reloader(Path apiYaml, GatewayServer server, GatewayFactory factory, Listener listener, Project project)
            throws IOException {
        this.apiYaml = apiYaml;
        this.server = server;
        this.factory = factory;
        this.listener = listener;
        this.watcher = ProjectWatcher.start(WatchedFiles.of(project), this::reload);
    }

    /** Watches the files of the project the server serves now. */
    public static Reloader watch(Path apiYaml, GatewayServer server, GatewayFactory factory, Listener listener)
            throws IOException {
        return new Reloader(apiYaml, server, factory, listener, server.gateway().project());
    }

    private void reload(Set<Path> changed) {
        listener.reloading(changed);
        long started = System.nanoTime();
        ProjectLoader.Loaded loaded;
        try {
            loaded = ProjectLoader.load(apiYaml);
        } catch (DefinitionException e) {
            listener.failed(e.problems().stream().map(Problem::toString).toList());
            return;
        }
        Gateway next;
        try {
            next = factory.create(loaded.project());
        } catch (Exception | LinkageError e) {
            listener.failed(List.of(e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        server.replace(next);
        try {
            watcher.watch(WatchedFiles.of(loaded.project()));
        } catch (IOException e) {
            listener.failed(List.of("reloaded, but its files cannot all be watched: " + e.getMessage()));
        }
        listener.reloaded(loaded, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() {
        watcher.close();
    }
}
