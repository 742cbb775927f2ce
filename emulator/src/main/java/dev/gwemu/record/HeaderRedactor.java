package dev.gwemu.record;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces the values of secret-bearing headers with {@value #MARKER} before an exchange is written, in requests
 * and responses alike. By default: credentials ({@code Authorization}, {@code Proxy-Authorization},
 * {@code x-api-key}, the SigV4 session token {@code X-Amz-Security-Token}) and sessions ({@code Cookie},
 * {@code Set-Cookie}). The header stays, with as many values as it had, so a replay still sends it: a route
 * that only needs one present behaves as recorded, one that checks its value needs a real one
 * ({@code gwemu replay --request-header}).
 */
public final class HeaderRedactor {
    /** What a redacted value becomes. */
    public static final String MARKER = "REDACTED";
    public static final List<String> DEFAULT_NAMES = List.of("Authorization", "Proxy-Authorization", "x-api-key",
            "X-Amz-Security-Token", "Cookie", "Set-Cookie");

    private final Set<String> names;

    private HeaderRedactor(Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        this.names = Collections.unmodifiableSet(set);
    }

    public static HeaderRedactor defaults() {
        return new HeaderRedactor(DEFAULT_NAMES);
    }

    /** Redacts nothing. */
    public static HeaderRedactor none() {
        return new HeaderRedactor(List.of());
    }

    /** This redactor, redacting these headers too. */
    public HeaderRedactor and(Collection<String> more) {
        Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(names);
        all.addAll(more);
        return new HeaderRedactor(all);
    }

    /** The names redacted, in no particular case. */
    public Set<String> names() {
        return names;
    }

    public boolean redacts(String name) {
        return names.contains(name);
    }

    public Map<String, List<String>> redact(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.put(name,
                redacts(name) ? Collections.nCopies(values.size(), MARKER) : values));
        return out;
    }

    public Exchange redact(Exchange exchange) {
        if (names.isEmpty()) {
            return exchange;
        }
        Exchange.Request q = exchange.request();
        Exchange.Request request = new Exchange.Request(q.method(), q.path(), q.query(), redact(q.headers()), q.body());
        Exchange.Response r = exchange.response();
        Exchange.Response response = r == null ? null : new Exchange.Response(r.status(), redact(r.headers()), r.body());
        return new Exchange(exchange.time(), request, response, exchange.latencyMs(), exchange.error());
    }
}
