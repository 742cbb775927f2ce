package dev.gwemu.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gwemu as a user runs it: each a separate JVM on the tests' class path, its errors merged into its output, all
 * destroyed by {@link #close()} (an {@code @AfterEach}) whatever the test did to them.
 */
final class GwemuProcesses implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("gwemu: serving on https?://127\\.0\\.0\\.1:(\\d+) ");

    private final List<Process> started = new ArrayList<>();

    Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    Process start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GwemuCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        return process;
    }

    /** Reads output up to gwemu's "serving on" line, adding each line to {@code banner}: the port, or -1 when output ended first. */
    static int servingPort(BufferedReader out, List<String> banner) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            banner.add(line);
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    @Override
    public void close() {
        started.forEach(Process::destroyForcibly);
    }
}
