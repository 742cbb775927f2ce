package dev.gwemu.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a project's files and reports changes once they settle: a build writes a jar and a folder of classes in
 * many steps, and an editor saves through temporary files, so changes are gathered until none has come for
 * {@link #QUIET_MILLIS} and then reported together, on the watcher's own thread.
 */
public final class ProjectWatcher implements AutoCloseable {
    static final long QUIET_MILLIS = 300;

    private final WatchService service;
    private final Consumer<Set<Path>> onChange;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private volatile WatchedFiles files;
    private final Thread thread;

    private ProjectWatcher(WatchService service, WatchedFiles files, Consumer<Set<Path>> onChange) {
        this.service = service;
        this.files = files;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "gwemu-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching; {@code onChange} gets the changed files of each settled batch. */
    public static ProjectWatcher start(WatchedFiles files, Consumer<Set<Path>> onChange) throws IOException {
        ProjectWatcher watcher = new ProjectWatcher(FileSystems.getDefault().newWatchService(), files, onChange);
        watcher.register(files);
        watcher.thread.start();
        return watcher;
    }

    /** Watches another set of folders from now on (the project after a reload may name other files). */
    public void watch(WatchedFiles next) throws IOException {
        for (WatchKey key : keys.keySet()) {
            key.cancel();
        }
        keys.clear();
        files = next;
        register(next);
    }

    private void register(WatchedFiles watched) throws IOException {
        for (Map.Entry<Path, Boolean> folder : watched.folders().entrySet()) {
            if (!Files.isDirectory(folder.getKey())) {
                continue; // a jar's folder that a clean build removed: the jar is missing and the load said so
            }
            if (folder.getValue()) {
                registerTree(folder.getKey());
            } else {
                registerFolder(folder.getKey());
            }
        }
    }

    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && !files.descendInto(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                registerFolder(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void registerFolder(Path folder) throws IOException {
        WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        keys.put(key, folder);
    }

    private void run() {
        try {
            while (true) {
                Set<Path> changed = new LinkedHashSet<>();
                collect(service.take(), changed);
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    collect(more, changed);
                }
                if (!changed.isEmpty()) {
                    onChange.accept(named(changed));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /**
     * The files to name: those still there. An editor or {@code sed -i} writes a temporary file and renames it over
     * the real one, and the temporary name says nothing; only deletions are left, deletions are named.
     */
    private static Set<Path> named(Set<Path> changed) {
        Set<Path> present = new LinkedHashSet<>();
        for (Path file : changed) {
            if (Files.exists(file)) {
                present.add(file);
            }
        }
        return present.isEmpty() ? changed : present;
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path folder = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (folder == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                if (folder != null) {
                    changed.add(folder); // events were lost: something under it changed
                }
                continue;
            }
            Path file = folder.resolve((Path) event.context());
            if (Files.isDirectory(file)) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && isTree(folder) && files.descendInto(file)) {
                    try {
                        registerTree(file); // a new package folder in a class tree
                    } catch (IOException e) {
                        // gone again before it could be watched (a build's temporary folder)
                    }
                    changed.add(file);
                }
                continue;
            }
            if (files.counts(file)) {
                changed.add(file);
            }
        }
        key.reset();
    }

    /** Whether the folder lies in a tree watched with its subfolders. */
    private boolean isTree(Path folder) {
        for (Map.Entry<Path, Boolean> watched : files.folders().entrySet()) {
            if (watched.getValue() && folder.startsWith(watched.getKey())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
        thread.interrupt();
    }
}
