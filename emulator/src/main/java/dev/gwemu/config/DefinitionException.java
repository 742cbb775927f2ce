package dev.gwemu.config;

import java.util.List;
import java.util.stream.Collectors;

/** A project that cannot be loaded, with every problem found. */
public final class DefinitionException extends Exception {
    private final List<Problem> problems;

    public DefinitionException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
