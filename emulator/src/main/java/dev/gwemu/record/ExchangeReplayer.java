package dev.gwemu.record;

import dev.gwemu.Gateway;
import dev.gwemu.lambda.FunctionLoadException;
import dev.gwemu.model.Project;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replays recorded requests through a project's gateway in-process, with no port: each walks the whole road
 * (routing, authorizers, keys, validation, mapping, the integration) as it would over HTTP. One replayer keeps
 * its gateway, so state carries from one exchange to the next as in the recorded traffic (usage plans, caches,
 * warm functions); replay in order, one at a time.
 *
 * <p>The request arrives as recorded (method, path, query, headers, body) over HTTP/1.1 from 127.0.0.1, on the port
 * its Host names (80 when none); the Host picks the API as over HTTP ({@code {apiId}.execute-api.*}, a custom
 * domain, else the project's first API).
 */
public final class ExchangeReplayer implements AutoCloseable {
    private final Gateway gateway;
    private final ReplayClock clock;
    private final Map<String, String> requestHeaders;

    private ExchangeReplayer(Gateway gateway, ReplayClock clock, Map<String, String> requestHeaders) {
        this.gateway = gateway;
        this.clock = clock;
        this.requestHeaders = requestHeaders;
    }

    /**
     * @param requestHeaders set on every replayed request in place of the recorded values (a real Authorization for
     *                       a redacted one, another Host)
     */
    public static ExchangeReplayer of(Project project, Map<String, String> requestHeaders) throws FunctionLoadException {
        ReplayClock clock = new ReplayClock();
        return new ExchangeReplayer(Gateway.create(project, clock, null), clock, new LinkedHashMap<>(requestHeaders));
    }

    /** Sends the recorded request through the gateway, at its recorded time, and returns the gateway's answer. */
    public Exchange.Response replay(Exchange exchange) {
        clock.moveTo(exchange.time());
        HttpResponse response = gateway.handle(request(exchange.request(), requestHeaders));
        return new Exchange.Response(response.status(), response.headers().grouped(), response.body());
    }

    static HttpRequest request(Exchange.Request recorded, Map<String, String> overrides) {
        HeaderList headers = new HeaderList();
        recorded.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        overrides.forEach(headers::set);
        if (!headers.contains("Host")) {
            headers.add("Host", "127.0.0.1");
        }
        return new HttpRequest(recorded.method(), recorded.path(), recorded.query(), headers, recorded.body(),
                "127.0.0.1", "HTTP/1.1", "http", port(headers.first("Host")));
    }

    /** The port a Host header names, 80 when it names none. */
    private static int port(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || host.endsWith("]")) {
            return 80;
        }
        try {
            return Integer.parseInt(host.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
