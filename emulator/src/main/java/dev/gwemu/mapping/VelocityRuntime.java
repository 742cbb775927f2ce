package dev.gwemu.mapping;

import org.apache.velocity.Template;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.SimpleNode;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;
import org.slf4j.helpers.NOPLogger;

import java.io.Reader;
import java.io.StringReader;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one Velocity engine every mapping template runs on, configured to behave like API Gateway's.
 * AWS has run mapping templates since 2015, before Velocity 2 existed, so where Velocity 1.7 and 2.x differ
 * we take 1.7's behaviour; each such choice is a named constant (all [U], data-plane.md §5).
 */
final class VelocityRuntime {
    /** §5.1 [U]: {@code #foreach} stops after this many iterations, silently. */
    static final int FOREACH_MAX_ITERATIONS = 1000;
    /** §5 [U]: Velocity 1.7's whitespace handling around directives ("bc" = backward compatible). */
    static final String SPACE_GOBBLING = "bc";
    /** §5 [U]: Velocity 1.7 accepted {@code -} inside identifiers ({@code $context.requestOverride.header.X-Trace}). */
    static final boolean HYPHEN_IN_IDENTIFIERS = true;
    /**
     * §5 [U]: Velocity 1.7's {@code #if($x)} is false only for null and false; an empty string is true. AWS users
     * are told to write {@code #if($input.params('x') != "")} because {@code $input.params('x')} is never null.
     */
    static final boolean IF_TESTS_EMPTINESS = false;

    private static final RuntimeInstance ENGINE = create();
    /** Velocity keys inline macros by template name; unique names keep templates from seeing each other's macros. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private VelocityRuntime() {
    }

    /** Parses and initialises a template; the result is immutable and can be merged from many threads. */
    static Template parse(String text) throws ParseException {
        Template template = new Template();
        template.setName("template-" + SEQUENCE.incrementAndGet());
        template.setRuntimeServices(ENGINE);
        SimpleNode document = ENGINE.parse(new StringReader(text), template);
        template.setData(document);
        template.initDocument();
        return template;
    }

    private static RuntimeInstance create() {
        RuntimeInstance engine = new RuntimeInstance();
        // Velocity logs through slf4j; templates are user code, so their problems surface as exceptions, not log lines.
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_INSTANCE, NOPLogger.NOP_LOGGER);
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_REFERENCE_LOG_INVALID, false);
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_METHOD_CALL_LOG_INVALID, false);
        // No file (or any other) resource loader: #parse and #include find nothing.
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "none");
        engine.setProperty(RuntimeConstants.RESOURCE_LOADER + ".none." + RuntimeConstants.RESOURCE_LOADER_INSTANCE, new NoResources());
        engine.setProperty(RuntimeConstants.MAX_NUMBER_LOOPS, FOREACH_MAX_ITERATIONS);
        engine.setProperty(RuntimeConstants.SPACE_GOBBLING, SPACE_GOBBLING);
        engine.setProperty(RuntimeConstants.PARSER_HYPHEN_ALLOWED, HYPHEN_IN_IDENTIFIERS);
        engine.setProperty(RuntimeConstants.CHECK_EMPTY_OBJECTS, IF_TESTS_EMPTINESS);
        engine.setProperty(RuntimeConstants.VM_PERM_INLINE_LOCAL, true);
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, false);
        engine.init();
        engine.getApplicationEventCartridge().addReferenceInsertionEventHandler(new NullRendersEmpty());
        TypeProbes.warmUp(engine);
        return engine;
    }

    /** §5.1 [V]: a null or undefined reference renders as an empty string, as if every reference were {@code $!x}. */
    private static final class NullRendersEmpty implements ReferenceInsertionEventHandler {
        @Override
        public Object referenceInsert(Context context, String reference, Object value) {
            return value == null ? "" : value;
        }
    }

    /** A resource loader that has nothing: templates cannot read files. */
    private static final class NoResources extends ResourceLoader {
        @Override
        public void init(ExtProperties configuration) {
        }

        @Override
        public Reader getResourceReader(String source, String encoding) {
            throw new ResourceNotFoundException("mapping templates cannot include other resources: " + source);
        }

        @Override
        public boolean isSourceModified(Resource resource) {
            return false;
        }

        @Override
        public long getLastModified(Resource resource) {
            return 0;
        }
    }
}
