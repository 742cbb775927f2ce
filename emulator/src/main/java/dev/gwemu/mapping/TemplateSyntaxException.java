package dev.gwemu.mapping;

/**
 * A mapping template that cannot be compiled: a VTL syntax error, or a template over API Gateway's size limit.
 * {@link #line()} and {@link #column()} are 1-based positions inside the template text as written, so the loader
 * can point into the definition file.
 */
public final class TemplateSyntaxException extends RuntimeException {
    private final String templateName;
    private final String problem;
    private final int line;
    private final int column;

    public TemplateSyntaxException(String templateName, String problem, int line, int column) {
        super(templateName + ":" + line + ":" + column + ": " + problem);
        this.templateName = templateName;
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    /** The name given to {@link VtlTemplate#compile}. */
    public String templateName() {
        return templateName;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
