package dev.gwemu.mapping;

import org.apache.velocity.Template;
import org.apache.velocity.exception.MethodInvocationException;
import org.apache.velocity.exception.ParseErrorException;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.Node;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

/**
 * A compiled mapping template (data-plane.md §5): immutable, thread-safe, compiled once at load. Renders on the
 * real Apache Velocity with API Gateway's variables {@code $input}, {@code $util}, {@code $context} and
 * {@code $stageVariables}.
 */
public final class VtlTemplate {
    /** §5.1 [D]: "Template size limit 300 KB", counted here in UTF-8 bytes of 1024 [U]. */
    static final int MAX_TEMPLATE_BYTES = 300 * 1024;

    private final String name;
    private final String text;
    private final Template template;
    private final SourceOffset offset;

    private VtlTemplate(String name, String text, Template template, SourceOffset offset) {
        this.name = name;
        this.text = text;
        this.template = template;
        this.offset = offset;
    }

    /**
     * Parses a template. Leading and trailing whitespace of the whole text is dropped first (§5.1 [E]: LocalStack
     * strips templates), but positions in errors refer to the text as given.
     *
     * @param name what errors call the template (e.g. {@code "GET /pets 200 application/json"})
     * @throws TemplateSyntaxException with line and column (1-based) inside the template text
     */
    public static VtlTemplate compile(String name, String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEMPLATE_BYTES) {
            throw new TemplateSyntaxException(name, "the template is " + bytes + " bytes; API Gateway's limit is "
                    + MAX_TEMPLATE_BYTES + " bytes (300 KB)", 1, 1);
        }
        String body = text.strip();
        SourceOffset offset = SourceOffset.of(text, text.indexOf(body.isEmpty() ? text : body));
        try {
            Template template = VelocityRuntime.parse(body);
            refuseUnsupported(name, offset, (Node) template.getData());
            return new VtlTemplate(name, text, template, offset);
        } catch (ParseException e) {
            ParseErrorException located = new ParseErrorException(e, null);
            throw syntaxError(name, offset, located.getLineNumber(), located.getColumnNumber(), e.getMessage());
        } catch (TemplateInitException e) {
            throw syntaxError(name, offset, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        } catch (ParseErrorException e) {
            throw syntaxError(name, offset, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        } catch (VelocityException e) {
            throw syntaxError(name, offset, 1, 1, e.getMessage());
        }
    }

    /** Directives API Gateway's templates cannot use: there is nothing to include or parse. */
    private static final java.util.Set<String> UNSUPPORTED_DIRECTIVES = java.util.Set.of("include", "parse");

    /** Fails at load, with the line, rather than at the first request that reaches the directive. */
    private static void refuseUnsupported(String name, SourceOffset offset, Node node) {
        if (node instanceof ASTDirective directive && UNSUPPORTED_DIRECTIVES.contains(directive.getDirectiveName())) {
            throw syntaxError(name, offset, node.getLine(), node.getColumn(), "#" + directive.getDirectiveName()
                    + " is not available in API Gateway mapping templates (there are no other templates to read)");
        }
        for (int i = 0; i < node.jjtGetNumChildren(); i++) {
            refuseUnsupported(name, offset, node.jjtGetChild(i));
        }
    }

    /**
     * Renders for one request. {@code $context.requestOverride} / {@code responseOverride} writes go to
     * {@code overrides} (pass the same instance to the request and the response template, §4.2 [V]).
     *
     * @throws TemplateRenderException when the template fails at run time
     */
    public String render(MappingInput input, Overrides overrides) {
        TemplateContext context = new TemplateContext(input, overrides == null ? new Overrides() : overrides);
        StringWriter out = new StringWriter(256);
        try {
            template.merge(context, out);
        } catch (RuntimeException e) { // VelocityException and what methods called by the template threw
            throw renderError(e);
        }
        return out.toString();
    }

    /** The name given at compile time. */
    public String name() {
        return name;
    }

    /** The template as written in the definition, for {@code gwemu export}. */
    public String text() {
        return text;
    }

    private TemplateRenderException renderError(RuntimeException e) {
        String where = name;
        if (e instanceof MethodInvocationException m && m.getLineNumber() > 0) {
            where = name + ":" + offset.line(m.getLineNumber(), m.getColumnNumber()) + ":" + offset.column(m.getLineNumber(), m.getColumnNumber());
        }
        // The first exception that is not Velocity's wrapping says what went wrong.
        Throwable cause = e;
        while ((cause instanceof VelocityException || cause instanceof InvocationTargetException)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new TemplateRenderException(where + ": " + message, e);
    }

    private static TemplateSyntaxException syntaxError(String name, SourceOffset offset, int line, int column, String message) {
        int safeLine = Math.max(line, 1);
        int safeColumn = Math.max(column, 1);
        return new TemplateSyntaxException(name, SyntaxMessages.shorten(message),
                offset.line(safeLine, safeColumn), offset.column(safeLine, safeColumn));
    }
}
