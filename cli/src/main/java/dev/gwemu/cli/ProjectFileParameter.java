package dev.gwemu.cli;

import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** The project file argument the commands share: {@code [FILE]}, api.yaml in the current folder by default. */
final class ProjectFileParameter {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "api.yaml",
            description = "the project file (default: ${DEFAULT-VALUE})")
    Path file;
}
