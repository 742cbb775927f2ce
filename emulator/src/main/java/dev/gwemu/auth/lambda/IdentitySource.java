package dev.gwemu.auth.lambda;

import dev.gwemu.pipeline.Invocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One entry of a Lambda authorizer's {@code identitySource} (security-and-operations.md §3.3 [doc]), parsed once:
 * {@code method.request.header.X}, {@code method.request.querystring.X}, {@code stageVariables.X} or
 * {@code context.X} with X one of {@link #CONTEXT_VARIABLES}.
 */
public final class IdentitySource {
    private static final String HEADER = "method.request.header.";
    private static final String QUERYSTRING = "method.request.querystring.";
    private static final String STAGE_VARIABLE = "stageVariables.";
    private static final String CONTEXT = "context.";

    /**
     * The {@code $context} variables gwemu reads as {@code context.X} sources: those known before the authorizer
     * runs. The second argument is the gateway's account id.
     */
    private static final Map<String, BiFunction<Invocation, String, String>> CONTEXT_READERS = contextReaders();

    /** The names X that {@code context.X} may name. */
    public static final Set<String> CONTEXT_VARIABLES = Collections.unmodifiableSet(CONTEXT_READERS.keySet());

    private final String expression;
    private final Function<Invocation, String> reader;

    private IdentitySource(String expression, Function<Invocation, String> reader) {
        this.expression = expression;
        this.reader = reader;
    }

    /**
     * @param accountId the gateway's account ({@code context.accountId})
     * @throws IllegalArgumentException when the expression is none of the four forms, names nothing, or names a
     *                                  context variable gwemu does not read
     */
    public static IdentitySource parse(String expression, String accountId) {
        if (expression.startsWith(HEADER)) {
            String name = name(expression, HEADER);
            return new IdentitySource(expression, inv -> inv.request().headers().last(name));
        }
        if (expression.startsWith(QUERYSTRING)) {
            String name = name(expression, QUERYSTRING);
            return new IdentitySource(expression, inv -> last(inv.query().all().get(name)));
        }
        if (expression.startsWith(STAGE_VARIABLE)) {
            String name = name(expression, STAGE_VARIABLE);
            return new IdentitySource(expression, inv -> inv.stage().variables().get(name));
        }
        if (expression.startsWith(CONTEXT)) {
            String name = name(expression, CONTEXT);
            BiFunction<Invocation, String, String> variable = CONTEXT_READERS.get(name);
            if (variable == null) {
                throw new IllegalArgumentException("'" + expression + "': gwemu reads these context variables as "
                        + "identity sources: " + String.join(", ", CONTEXT_VARIABLES));
            }
            return new IdentitySource(expression, inv -> variable.apply(inv, accountId));
        }
        throw new IllegalArgumentException("'" + expression + "' is not an identity source (method.request.header.X, "
                + "method.request.querystring.X, stageVariables.X or context.X)");
    }

    /** True for {@code method.request.header.X}, the only form a TOKEN authorizer takes. */
    public boolean isHeader() {
        return expression.startsWith(HEADER);
    }

    /** The source's value in this request, or null when the request has none. */
    public String read(Invocation inv) {
        return reader.apply(inv);
    }

    /** The source as configured ({@code method.request.header.Auth}). */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }

    private static String name(String expression, String prefix) {
        String name = expression.substring(prefix.length());
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + expression + "' names nothing after '" + prefix + "'");
        }
        return name;
    }

    /** A repeated query parameter: the last value, as {@code method.request.querystring.X} is everywhere else. */
    private static String last(java.util.List<String> values) {
        return values == null ? null : values.get(values.size() - 1);
    }

    private static Map<String, BiFunction<Invocation, String, String>> contextReaders() {
        Map<String, BiFunction<Invocation, String, String>> readers = new LinkedHashMap<>();
        readers.put("accountId", (inv, account) -> account);
        readers.put("apiId", (inv, account) -> inv.api().id());
        readers.put("deploymentId", (inv, account) -> inv.stage().deploymentId());
        readers.put("domainName", (inv, account) -> inv.request().host());
        readers.put("domainPrefix", (inv, account) -> dev.gwemu.pipeline.ContextVariables.domainPrefix(inv.request().host()));
        readers.put("extendedRequestId", (inv, account) -> inv.ids().extendedRequestId());
        readers.put("httpMethod", (inv, account) -> inv.request().method());
        readers.put("identity.sourceIp", (inv, account) -> inv.request().sourceIp());
        readers.put("identity.userAgent", (inv, account) -> inv.request().headers().first("User-Agent"));
        readers.put("path", (inv, account) -> inv.contextPath());
        readers.put("protocol", (inv, account) -> "HTTP/1.1");
        readers.put("requestId", (inv, account) -> inv.ids().requestId());
        readers.put("resourceId", (inv, account) -> inv.route().resource().id());
        readers.put("resourcePath", (inv, account) -> inv.route().resource().path());
        readers.put("stage", (inv, account) -> inv.stage().name());
        return readers;
    }
}
