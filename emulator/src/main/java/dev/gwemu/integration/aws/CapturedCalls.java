package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The capture log: one JSON line per AWS service call in {@code {stateDir}/aws-calls/{service}.jsonl}, with the
 * time (ISO-8601), service, action, region, method, host, path, query, headers (credentials redacted),
 * credentials role, body (text, or {@code bodyBase64} when it is not UTF-8) and the status answered.
 *
 * <p>Thread-safe: a line is written whole, with one write, under a lock shared by every instance writing the same
 * file (the backend appends while the admin endpoint reads), and is on disk when {@link #append} returns.
 */
public final class CapturedCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    /** Each log's open channel, shared by every instance writing it (a reload makes new ones). */
    private static final Map<Path, FileChannel> CHANNELS = new ConcurrentHashMap<>();
    /** Header values never written to disk. */
    private static final Set<String> REDACTED = caseInsensitive("Authorization", "X-Amz-Security-Token");
    private static final String SUFFIX = ".jsonl";
    /** An endpoint prefix: it names a file, so nothing that could leave the folder. */
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path folder;

    /** @param stateDir the project's {@code .gwemu} folder */
    public CapturedCalls(Path stateDir) {
        this.folder = stateDir.resolve("aws-calls").toAbsolutePath().normalize();
    }

    /** Where the lines are written. */
    public Path folder() {
        return folder;
    }

    /** Appends one call and what it was answered. */
    public void append(ServiceCall call, int status, Instant time) {
        byte[] line = line(call, status, time);
        Path file = file(call.service());
        synchronized (lock(file)) {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(line);
                FileChannel channel = channel(file);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the capture log " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The file's channel, kept open: opening and closing the file for every call cost more than the rest of the
     * capture. Opened again when the file was deleted meanwhile (by {@link #clear} or by hand). Called under the
     * file's lock.
     */
    private FileChannel channel(Path file) throws IOException {
        FileChannel open = CHANNELS.get(file);
        if (open != null && open.isOpen() && Files.exists(file)) {
            return open;
        }
        if (open != null) {
            open.close();
        }
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        CHANNELS.put(file, channel);
        return channel;
    }

    /**
     * The calls captured for one service, oldest first. A line that is not JSON (a file edited by hand, a write cut
     * short) is returned as {@code {"unreadable": "...", "line": n}} rather than dropped.
     *
     * @throws IllegalArgumentException when {@code service} is no endpoint prefix
     */
    public List<JsonNode> read(String service) {
        Path file = file(service);
        List<String> lines;
        synchronized (lock(file)) {
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return List.of();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the capture log " + file + ": " + e.getMessage(), e);
            }
        }
        List<JsonNode> calls = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            try {
                calls.add(JSON.readTree(text));
            } catch (IOException e) {
                calls.add(JSON.createObjectNode().put("unreadable", text).put("line", i + 1));
            }
        }
        return calls;
    }

    /** Every service's calls, oldest first (by time, then by service name). */
    public List<JsonNode> readAll() {
        List<JsonNode> all = new ArrayList<>();
        for (String service : services()) {
            all.addAll(read(service));
        }
        all.sort(Comparator.comparing((JsonNode n) -> n.path("time").asText("")));
        return all;
    }

    /** The services with a capture log, by name. */
    public List<String> services() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .filter(n -> SERVICE.matcher(n).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes every service's log. */
    public void clear() {
        for (String service : services()) {
            Path file = file(service);
            synchronized (lock(file)) {
                try {
                    FileChannel open = CHANNELS.remove(file);
                    if (open != null) {
                        open.close();
                    }
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private Path file(String service) {
        if (service == null || !SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("not an AWS service endpoint prefix: '" + service + "'");
        }
        return folder.resolve(service + SUFFIX);
    }

    private static Object lock(Path file) {
        return LOCKS.computeIfAbsent(file, f -> new Object());
    }

    static byte[] line(ServiceCall call, int status, Instant time) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", time.toString());
        node.put("service", call.service());
        node.put("action", call.action());
        node.put("region", call.region());
        node.put("method", call.method());
        node.put("host", call.host());
        node.put("path", call.path());
        node.put("query", call.query());
        ObjectNode headers = node.putObject("headers");
        call.headers().grouped().forEach((name, values) -> {
            ArrayNode list = headers.putArray(name);
            values.forEach(v -> list.add(REDACTED.contains(name) ? "(redacted)" : v));
        });
        node.put("credentials", call.credentials());
        String text = utf8(call.body());
        if (text != null) {
            node.put("body", text);
        } else {
            node.put("bodyBase64", Base64.getEncoder().encodeToString(call.body()));
        }
        node.put("status", status);
        try {
            byte[] json = JSON.writeValueAsBytes(node); // Jackson escapes line breaks inside strings: one line
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The call a line records, read back (for state rebuilt from the log at start); redacted headers stay redacted.
     * Null for a line that is not a call ({@code unreadable}, or without service and path).
     */
    static ServiceCall call(JsonNode line) {
        if (!line.hasNonNull("service") || !line.hasNonNull("path")) {
            return null;
        }
        dev.gwemu.pipeline.HeaderList headers = new dev.gwemu.pipeline.HeaderList();
        line.path("headers").fields().forEachRemaining(h -> h.getValue().forEach(v -> headers.add(h.getKey(), v.asText())));
        byte[] body = line.hasNonNull("bodyBase64") ? Base64.getDecoder().decode(line.get("bodyBase64").asText())
                : line.path("body").asText("").getBytes(StandardCharsets.UTF_8);
        return new ServiceCall(line.get("service").asText(), line.path("region").asText(null),
                line.path("action").asText(null), line.path("method").asText("POST"), line.path("host").asText(null),
                line.get("path").asText(), line.path("query").asText(""), headers, body,
                line.path("credentials").asText(null));
    }

    /** The body as text when it is valid UTF-8, else null. */
    static String utf8(byte[] body) {
        return dev.gwemu.pipeline.StrictUtf8.decode(body);
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
