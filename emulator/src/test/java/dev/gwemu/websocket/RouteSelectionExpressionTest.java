package dev.gwemu.websocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The route selection expression grammar of security-and-operations.md §7.1, one table row per rule. */
class RouteSelectionExpressionTest {

    @ParameterizedTest(name = "[{index}] {0} over {1} -> \"{2}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', emptyValue = "", value = {
            // the usual expression
            "$request.body.action                 | {\"action\":\"chat\",\"message\":\"hi\"} | chat",
            "$request.body.action                 | {\"action\": \"chat\"}                  | chat",
            // braces, several variables, literal text around them
            "${request.body.action}               | {\"action\":\"chat\"}                   | chat",
            "${request.body.service}/${request.body.action} | {\"service\":\"s\",\"action\":\"a\"} | s/a",
            "${request.body.version}-beta         | {\"version\":\"v2\"}                    | v2-beta",
            "v1:$request.body.action              | {\"action\":\"go\"}                     | v1:go",
            "$request.body.a/$request.body.b      | {\"a\":\"x\",\"b\":\"y\"}               | x/y",
            // a bare variable runs over JSONPath characters, '-' included; '/' and ' ' end it
            "$request.body.a-b                    | {\"a-b\":\"dash\"}                      | dash",
            "$request.body.a b                    | {\"a\":\"x\"}                           | x b",
            // JSONPath: nesting, indexes, brackets, wildcards, deep scan
            "$request.body.msg.type               | {\"msg\":{\"type\":\"join\"}}           | join",
            "$request.body.items[1]               | {\"items\":[\"a\",\"b\"]}               | b",
            "${request.body['my key']}            | {\"my key\":\"spaced\"}                 | spaced",
            "$request.body['action']              | {\"action\":\"br\"}                     | br",
            "$request.body.items[*].n             | {\"items\":[{\"n\":\"a\"},{\"n\":\"b\"}]} | [a, b]",
            "$request.body..n                     | {\"x\":{\"n\":1}}                       | [1]",
            // unresolved path and JSON null: ""
            "$request.body.action                 | {\"other\":1}                           | ``",
            "${request.body.service}/${request.body.action} | {\"action\":\"a\"}            | /a",
            "$request.body.action                 | {\"action\":null}                       | ``",
            "$request.body.a.b                    | {\"a\":\"text\"}                        | ``",
            "$request.body.action                 | [1,2]                                   | ``",
            "$request.body.action                 | \"just a string\"                      | ``",
            // values as text: numbers as written, booleans, arrays \"[a, b]\", objects {k=v}
            "$request.body.n                      | {\"n\":42}                              | 42",
            "$request.body.n                      | {\"n\":-1.50}                           | -1.50",
            "$request.body.n                      | {\"n\":12345678901234567890}            | 12345678901234567890",
            "$request.body.n                      | {\"n\":1e3}                             | 1E+3",
            "$request.body.b                      | {\"b\":true}                            | true",
            "$request.body.b                      | {\"b\":false}                           | false",
            "$request.body.arr                    | {\"arr\":[\"a\",\"b\"]}                 | [a, b]",
            "$request.body.arr                    | {\"arr\":[1,true,null,[2]]}             | [1, true, null, [2]]",
            "$request.body.arr                    | {\"arr\":[]}                            | []",
            "$request.body.obj                    | {\"obj\":{\"k\":\"v\",\"n\":1}}         | {k=v, n=1}",
            "$request.body.s                      | {\"s\":\"\"}                            | ``",
            // evaluated once: a value that looks like an expression stays text
            "$request.body.action                 | {\"action\":\"$request.body.x\",\"x\":\"no\"} | $request.body.x",
            // escapes: \\$ is a literal dollar; other backslashes stay
            "\\$default                           | {\"action\":\"chat\"}                   | $default",
            "\\$default                           | not json                                | $default",
            "\\${request.body.action}             | {\"action\":\"chat\"}                   | ${request.body.action}",
            "a\\b$request.body.action             | {\"action\":\"c\"}                      | a\\bc",
            "$request.body.action\\$              | {\"action\":\"c\"}                      | c$",
            // literal-only expressions ignore the body
            "chat                                 | anything                                | chat",
    })
    void selects(String expression, String body, String routeKey) {
        assertEquals(routeKey, RouteSelectionExpression.compile(expression).select(body));
    }

    @ParameterizedTest(name = "[{index}] {0} over {1} -> null")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", value = {
            "$request.body.action | hello",
            "$request.body.action | {\"action\":",
            "$request.body.action | {\"action\":\"a\"} trailing",
            "$request.body.action | ``",
            "$request.body.action | `   `",
            "$request.body.action | NULL",
            "${request.body.a}/x  | <xml/>",
    })
    void selectsNothingWhenTheBodyIsNotJson(String expression, String body) {
        assertNull(RouteSelectionExpression.compile(expression).select(body));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NULL", value = {
            "NULL                     | empty",
            "``                       | empty",
            "$default                 | write \\$default",
            "$request.header.x-api-key | only $request.body.<JSONPath>",
            "$context.routeKey        | unsupported variable $context.routeKey",
            "$request.body            | unsupported variable $request.body",
            "${request.body.}         | unsupported variable",
            "$request.bodyx.a         | unsupported variable",
            "${request.body.action    | has no closing '}'",
            "${}                      | starts no variable",
            "price in $               | starts no variable",
            "$ request.body.a         | starts no variable",
            "$/request.body.a         | starts no variable",
            "$request.body.a[1        | invalid JSONPath",
            "$request.body.a..        | invalid JSONPath",
            "$request.body.a[x]/y     | invalid JSONPath",
            "${request.body.a[?(@.x}  | invalid JSONPath",
    })
    void rejectsBadExpressionsWithAMessageNamingThem(String expression, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouteSelectionExpression.compile(expression));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        if (expression != null && !expression.isEmpty()) {
            assertTrue(e.getMessage().contains("'" + expression + "'"), e.getMessage());
        }
    }

    @Test
    void oneCompiledExpressionServesManyMessagesAndThreads() throws InterruptedException {
        RouteSelectionExpression expression = RouteSelectionExpression.compile("${request.body.service}/${request.body.action}");
        Thread[] threads = new Thread[4];
        String[] failures = new String[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    String got = expression.select("{\"service\":\"s" + id + "\",\"action\":\"a" + i + "\"}");
                    if (!("s" + id + "/a" + i).equals(got)) {
                        failures[id] = got;
                        return;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (String failure : failures) {
            assertNull(failure);
        }
        assertEquals("${request.body.service}/${request.body.action}", expression.toString());
    }
}
