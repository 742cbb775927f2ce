package dev.gwemu.lambda.nodejs;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file and export a Node.js handler string names, found as Lambda's Node.js runtime looks for
 * them: {@code src/app.handlers.get} is the export {@code handlers.get} of {@code src/app}, tried as
 * {@code app} (no extension), {@code app.js}, {@code app.mjs}, then {@code app.cjs}. A {@code .js} file
 * is an ES module when the nearest package.json says {@code "type": "module"}.
 *
 * @param file       the module's file
 * @param esModule   loaded with {@code import} semantics rather than {@code require}
 * @param exportPath the dotted path of the handler inside the module's exports
 * @param handler    the handler string as configured
 */
public record NodeJsModule(Path file, boolean esModule, String exportPath, String handler) {
    private static final Pattern MODULE_AND_EXPORT = Pattern.compile("^([^.]*)\\.(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws IllegalArgumentException saying why, in the runtime's words where it has them
     */
    public static NodeJsModule locate(Path codeDir, String handler) {
        if (handler.contains("..")) {
            throw new IllegalArgumentException("'" + handler + "' is not a valid handler name. Use absolute paths when "
                    + "specifying root directories in handler names. (Runtime.MalformedHandlerName)");
        }
        int slash = handler.lastIndexOf('/');
        String moduleRoot = handler.substring(0, slash + 1);
        Matcher parts = MODULE_AND_EXPORT.matcher(handler.substring(slash + 1));
        if (!parts.matches() || parts.group(1).isEmpty() || parts.group(2).isEmpty()) {
            throw new IllegalArgumentException("Bad handler '" + handler + "': expected file.export, e.g. index.handler"
                    + " (Runtime.MalformedHandlerName)");
        }
        Path base = codeDir.resolve(moduleRoot + parts.group(1)).normalize();
        String export = parts.group(2);
        if (Files.isRegularFile(base)) {
            return new NodeJsModule(base, false, export, handler);
        }
        Path js = sibling(base, ".js");
        if (Files.isRegularFile(js)) {
            return new NodeJsModule(js, declaresModuleType(js.getParent(), codeDir), export, handler);
        }
        Path mjs = sibling(base, ".mjs");
        if (Files.isRegularFile(mjs)) {
            return new NodeJsModule(mjs, true, export, handler);
        }
        Path cjs = sibling(base, ".cjs");
        if (Files.isRegularFile(cjs)) {
            return new NodeJsModule(cjs, false, export, handler);
        }
        throw new IllegalArgumentException("Cannot find module '" + parts.group(1) + "': no " + base.getFileName()
                + ".js, .mjs or .cjs in " + base.getParent() + " (Runtime.ImportModuleError)");
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }

    /** The nearest package.json between the file's folder and the code folder decides, as in Node. */
    private static boolean declaresModuleType(Path folder, Path codeDir) {
        for (Path dir = folder; dir != null && dir.startsWith(codeDir); dir = dir.getParent()) {
            Path packageJson = dir.resolve("package.json");
            if (Files.isRegularFile(packageJson)) {
                try {
                    return "module".equals(JSON.readTree(packageJson.toFile()).path("type").asText());
                } catch (IOException e) {
                    return false; // the runtime ignores an unreadable package.json too
                }
            }
        }
        return false;
    }
}
