package dev.gwemu.mapping;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gwemu.mapping.Requests.body;
import static dev.gwemu.mapping.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Compiling and rendering: errors with positions, sharing across threads, no log output (data-plane.md §5). */
class VtlTemplateTest {
    @Test
    void syntaxErrorsCarryLineAndColumn() {
        TemplateSyntaxException unclosed = assertThrows(TemplateSyntaxException.class, () -> VtlTemplate.compile("GET /pets", "{\n  #if($foo"));
        assertEquals("GET /pets", unclosed.templateName());
        assertEquals(2, unclosed.line());
        assertEquals(11, unclosed.column());
        assertEquals("GET /pets:2:11: Encountered end of template", unclosed.getMessage());
        assertEquals("Encountered end of template", unclosed.problem());

        TemplateSyntaxException stray = assertThrows(TemplateSyntaxException.class, () -> VtlTemplate.compile("t", "a\nbc #end"));
        assertEquals("t:2:4: Encountered \"#end\"", stray.getMessage());
    }

    // §5.1 [E]: the template is stripped before parsing, but positions still point into the text as written.
    @Test
    void positionsCountTheStrippedWhitespace() {
        TemplateSyntaxException sameLine = assertThrows(TemplateSyntaxException.class, () -> VtlTemplate.compile("t", "   bc #end"));
        assertEquals("t:1:7: Encountered \"#end\"", sameLine.getMessage());
        TemplateSyntaxException laterLine = assertThrows(TemplateSyntaxException.class, () -> VtlTemplate.compile("t", "\r\n\n  \tx\n #end"));
        assertEquals(4, laterLine.line());
        assertEquals(2, laterLine.column());
    }

    @Test
    void includeAndParseAreRefusedAtCompileWithTheirLine() {
        TemplateSyntaxException include = assertThrows(TemplateSyntaxException.class,
                () -> VtlTemplate.compile("t", "{\n  #include('other.vm')\n}"));
        assertEquals(2, include.line());
        assertEquals("#include is not available in API Gateway mapping templates (there are no other templates to read)",
                include.problem());
        assertThrows(TemplateSyntaxException.class, () -> VtlTemplate.compile("t", "#if(true)#parse('x.vm')#end"));
    }

    @Test
    void renderWithoutOverridesIsAllowed() {
        assertEquals("ok", VtlTemplate.compile("t", "#set($context.responseOverride.status = 201)ok").render(body(null), null));
    }

    // Inline macros belong to the template that defines them (VelocityRuntime gives each template its own name).
    @Test
    void macrosStayInTheirTemplate() {
        VtlTemplate a = VtlTemplate.compile("same name", "#macro(m)A#end#m()");
        VtlTemplate b = VtlTemplate.compile("same name", "#macro(m)B#end#m()");
        VtlTemplate none = VtlTemplate.compile("other", "#m()");
        assertEquals("A B #m()", a.render(body(null), null) + " " + b.render(body(null), null) + " " + none.render(body(null), null));
    }

    // One compiled template, rendered from many threads at once, each render seeing only its own request.
    @Test
    void rendersConcurrently() throws Exception {
        VtlTemplate template = VtlTemplate.compile("t", "#set($p = $input.path('$'))#set($context.responseOverride.status = $p.n)"
                + "$p.n/$input.params('id')/$context.requestId/#foreach($i in $p.items)$i#end/$util.base64Encode($input.params('id'))");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = 100 + i;
                results.add(pool.submit(() -> {
                    Overrides overrides = new Overrides();
                    MappingInput input = request().withBody("{\"n\": " + n + ", \"items\": [" + n + ", \"x\"]}")
                            .path("id", "id" + n).context("requestId", "r" + n).input();
                    return template.render(input, overrides) + "|" + overrides.responseStatus();
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                int n = 100 + i;
                String encoded = java.util.Base64.getEncoder().encodeToString(("id" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertEquals(n + "/id" + n + "/r" + n + "/" + n + "x/" + encoded + "|" + n, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // Templates are user code: their mistakes surface as exceptions, never as log lines (Velocity logs errors
    // through slf4j by default, e.g. for every parse error).
    @Test
    void nothingIsLogged() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            assertThrows(TemplateSyntaxException.class, () -> VtlTemplate.compile("t", "#if($a"));
            assertThrows(TemplateSyntaxException.class, () -> VtlTemplate.compile("t", "#foreach($a)#end"));
            assertThrows(TemplateRenderException.class, () -> Requests.render("$util.parseJson('{')", body(null)));
            assertThrows(TemplateSyntaxException.class, () -> Requests.render("#parse('x.vtl')", body(null)));
            assertEquals("[][][]", Requests.render("[$nope][$input.nope()][$util.base64Decode()]#set($x = $nope.y)", body(null)));
        } finally {
            root.detachAppender(appender);
        }
        assertEquals(List.of(), appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }
}
