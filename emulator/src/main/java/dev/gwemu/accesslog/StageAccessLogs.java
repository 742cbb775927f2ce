package dev.gwemu.accesslog;

import dev.gwemu.model.AccessLogSettings;
import dev.gwemu.model.Api;
import dev.gwemu.model.Project;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.server.CompletedRequest;
import dev.gwemu.server.RequestListener;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The stages' access logs ({@code accessLogSettings}): one line per request a stage served, in the stage's format,
 * appended to its file. Requests to no stage (an unknown stage, a gwemu endpoint) are in none, as in AWS.
 * Stages that name the same file share it. A single daemon thread writes the files a few times a second;
 * {@link #close()} writes what is left, so a graceful stop loses no line.
 */
public final class StageAccessLogs implements RequestListener, AutoCloseable {
    /** How often held lines are written: soon enough to {@code tail -f}, rarely enough to cost nothing. */
    static final long FLUSH_MILLIS = 200;

    private record StageLog(AccessLogFormat format, AccessLogFile file) {
    }

    private final Map<AccessLogSettings, StageLog> logs = new HashMap<>();
    private final Map<Path, AccessLogFile> files = new LinkedHashMap<>();
    private final String accountId;
    private final ScheduledExecutorService writer;

    private StageAccessLogs(Project project) {
        this.accountId = project.accountId();
        Path stateFolder = project.stateDir().toAbsolutePath().normalize();
        for (Api api : project.apis()) {
            for (Stage stage : api.stages().values()) {
                AccessLogSettings settings = stage.accessLog();
                if (settings != null && !logs.containsKey(settings)) {
                    AccessLogFile file = files.computeIfAbsent(settings.destination().toAbsolutePath().normalize(),
                            path -> new AccessLogFile(path, path.startsWith(stateFolder) ? stateFolder : null));
                    logs.put(settings, new StageLog(AccessLogFormat.parse(settings.format()), file));
                }
            }
        }
        writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gwemu-access-logs");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The project's access logs, or null when no stage has one (then nothing runs, not even the writer thread). */
    public static StageAccessLogs of(Project project) {
        boolean any = project.apis().stream().flatMap(a -> a.stages().values().stream()).anyMatch(s -> s.accessLog() != null);
        return any ? new StageAccessLogs(project) : null;
    }

    @Override
    public void answered(CompletedRequest request) {
        Invocation inv = request.invocation();
        if (inv == null || inv.stage().accessLog() == null) {
            return;
        }
        StageLog log = logs.get(inv.stage().accessLog());
        if (log == null) {
            return; // a stage built after load (none today): nothing to log to
        }
        StringBuilder line = new StringBuilder(256);
        log.format().render(new AccessLogVariables(request, accountId), line);
        log.file().append(line);
    }

    /** Writes every line held now (the writer thread does this every {@value #FLUSH_MILLIS} ms). */
    public void flush() {
        for (AccessLogFile file : files.values()) {
            file.flush();
        }
    }

    /** Stops the writer thread and writes what is left; lines answered after this are not written. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS); // a flush under way finishes first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AccessLogFile file : files.values()) {
            file.close();
        }
    }
}
