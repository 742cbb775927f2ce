package dev.gwemu.cli;

import dev.gwemu.Gateway;
import dev.gwemu.config.DefinitionException;
import dev.gwemu.config.Problem;
import dev.gwemu.config.ProjectLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code gwemu validate}: loads a project the way {@code gwemu start} does, without serving it, and reports. */
@Command(name = "validate",
        header = "Loads the project and prints every error and warning with file and line.",
        description = {
                "Loads api.yaml, every definition it names and every function's code, as",
                "'gwemu start' does, without serving anything, and prints every error and",
                "warning with its file, line and JSON pointer. A definition gwemu cannot",
                "honour is an error; an extension or field it ignores is a warning that",
                "names it. Nothing is skipped silently.",
                ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean: no error and no warning",
                "1:errors: the project would not start",
                "3:warnings only: it would start, ignoring what the warnings name"},
        footerHeading = "%nExamples:%n",
        footer = {"  gwemu validate                      (api.yaml in this folder)",
                "  gwemu validate sample-apis/petstore/api.yaml"})
final class ValidateCommand implements Callable<Integer> {
    static final int WARNINGS = 3;

    @Mixin
    ProjectFileParameter projectFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProjectLoader.Loaded loaded;
        try {
            loaded = ProjectLoader.load(projectFile.file);
        } catch (DefinitionException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            err.println(projectFile.file + ": " + e.problems().size() + " error(s)");
            return 1;
        }
        for (Problem warning : loaded.warnings()) {
            err.println("warning: " + warning);
        }
        // The functions' code and the keys authorizers read load here, as at start; nothing listens.
        try (Gateway gateway = Gateway.create(loaded.project(), Clock.systemUTC(), null)) {
            out.println(projectFile.file + ": " + loaded.project().apis().size() + " API(s), "
                    + loaded.project().functions().size() + " function(s), "
                    + loaded.warnings().size() + " warning(s)");
        } catch (Exception e) {
            err.println("error: " + projectFile.file + ": " + e.getMessage());
            return 1;
        }
        return loaded.warnings().isEmpty() ? 0 : WARNINGS;
    }
}
