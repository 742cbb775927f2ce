package dev.gwemu.watch;

import dev.gwemu.model.Api;
import dev.gwemu.model.FunctionSpec;
import dev.gwemu.model.Project;
import dev.gwemu.model.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The files a project is made of, as folders to watch: api.yaml's folder and each definition's (their direct
 * files: definitions, schemas, key files), each function's class folder or code folder with everything under it,
 * and the folder of each function jar. Files gwemu or editors write there are not changes to the project.
 */
public final class WatchedFiles {
    /** Folder → whether everything under it counts (a code tree) or only its own files. */
    private final Map<Path, Boolean> folders;
    private final Path stateDir;
    private final Set<Path> written; // files the gateway writes while serving: access logs

    private WatchedFiles(Map<Path, Boolean> folders, Path stateDir, Set<Path> written) {
        this.folders = folders;
        this.stateDir = stateDir;
        this.written = written;
    }

    public static WatchedFiles of(Project project) {
        Map<Path, Boolean> folders = new LinkedHashMap<>();
        add(folders, project.file().toAbsolutePath().getParent(), false);
        for (Api api : project.apis()) {
            if (api.definition() != null) {
                add(folders, api.definition().toAbsolutePath().getParent(), false);
            }
        }
        for (FunctionSpec function : project.functions().values()) {
            Path code = function.code().toAbsolutePath().normalize();
            if (Files.isDirectory(code)) {
                add(folders, code, true);
            } else if (code.getParent() != null) {
                add(folders, code.getParent(), false);
            }
        }
        Set<Path> written = new HashSet<>();
        for (Api api : project.apis()) {
            for (Stage stage : api.stages().values()) {
                if (stage.accessLog() != null) {
                    written.add(stage.accessLog().destination().toAbsolutePath().normalize());
                }
            }
        }
        return new WatchedFiles(folders, project.stateDir().toAbsolutePath().normalize(), written);
    }

    private static void add(Map<Path, Boolean> folders, Path folder, boolean tree) {
        if (folder != null) {
            folders.merge(folder.normalize(), tree, Boolean::logicalOr);
        }
    }

    /** Folders to watch, each with whether its subfolders are watched too. */
    public Map<Path, Boolean> folders() {
        return folders;
    }

    /**
     * Whether a change to this file is a change to the project: not gwemu's own {@code .gwemu/} (keys,
     * certificates, logs), not the stages' access logs, not logs or recordings, not editors' swap, backup and probe files.
     */
    public boolean counts(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(stateDir) || written.contains(absolute)) {
            return false;
        }
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString().toLowerCase(Locale.ROOT);
        return !(name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx")
                || name.endsWith(".tmp") || name.endsWith(".log") || name.endsWith(".jsonl") || name.equals("4913"));
    }

    /** Whether a folder under a watched tree is watched too (not gwemu's state, not hidden folders like .git). */
    public boolean descendInto(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        return !absolute.startsWith(stateDir) && (name == null || !name.toString().startsWith("."));
    }
}
