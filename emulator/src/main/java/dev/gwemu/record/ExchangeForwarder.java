package dev.gwemu.record;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends a request received by the recording proxy on to the target and returns the exchange as the target saw it.
 * HTTP/1.1 (no h2c upgrade offered to a plain-http target), redirects not followed, bodies passed as bytes (a gzip
 * response stays gzip). Response header names come back in lower case: java.net.http lower-cases them whatever the
 * target sent (HTTP/2, which AWS speaks to most clients, has only lower-case names anyway); a replay compares
 * names ignoring case.
 *
 * <p>Hop-by-hop headers (RFC 9110 §7.6.1) are the proxy's own and are not forwarded. {@code Host} becomes the
 * target's, unless the client's is kept ({@code preserveHost}, for a gwemu target that tells APIs apart by Host);
 * java.net.http sends a kept Host only when {@code jdk.httpclient.allowRestrictedHeaders} includes {@code host}.
 */
public final class ExchangeForwarder {
    /** Not forwarded: connection-level headers, and what java.net.http computes itself (Content-Length, Expect). */
    static final Set<String> NOT_FORWARDED = caseInsensitive("Connection", "Keep-Alive", "Proxy-Connection", "TE",
            "Trailer", "Transfer-Encoding", "Upgrade", "Expect", "Content-Length", "Host", "HTTP2-Settings");
    /** Not passed back to the client: the connection's, and the length Undertow writes for the body it sends. */
    static final Set<String> NOT_RETURNED = caseInsensitive("Connection", "Keep-Alive", "Proxy-Connection", "TE",
            "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length");

    private final URI target;
    private final String targetHost;
    private final boolean preserveHost;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param target       the base URL requests go to; a path in it ({@code https://host/dev}) is put before each
     *                     request's path
     * @param timeout      how long the target may take to answer
     * @param preserveHost send the client's Host rather than the target's
     */
    public ExchangeForwarder(URI target, Duration timeout, boolean preserveHost) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            throw new IllegalArgumentException("the target is not an http:// or https:// URL with a host: " + target);
        }
        if (target.getRawQuery() != null || target.getRawFragment() != null) {
            throw new IllegalArgumentException("the target has a query or fragment; give the base URL only: " + target);
        }
        this.target = target;
        this.targetHost = target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
        this.preserveHost = preserveHost;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /**
     * @param received the request as the client sent it to the proxy
     * @return the exchange with the target's response, or with an error when there is none
     */
    public Exchange forward(Instant time, Exchange.Request received) {
        Exchange.Request sent = asSent(received);
        long started = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(received))
                    .timeout(timeout)
                    .method(sent.method(), sent.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
            sent.headers().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name)) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            if (preserveHost) {
                String host = Exchange.Headers.first(sent.headers(), "Host");
                if (host != null) {
                    request.setHeader("Host", host);
                }
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long latency = (System.nanoTime() - started) / 1_000_000;
            return new Exchange(time, sent, new Exchange.Response(response.statusCode(),
                    new LinkedHashMap<>(response.headers().map()), response.body()), latency, null);
        } catch (HttpTimeoutException e) {
            return failed(time, sent, started, "the target did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return failed(time, sent, started, "cannot reach " + target + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(time, sent, started, "interrupted while waiting for the target");
        }
    }

    /** Whether a response header goes back to the client. */
    static boolean returned(String name) {
        return !NOT_RETURNED.contains(name);
    }

    /**
     * The request as the target gets it, which is what is recorded: the client's headers in their order without the
     * hop-by-hop ones, Host the target's (or the client's), Content-Length kept (java.net.http sends the same length),
     * and the target's base path before the path.
     */
    private Exchange.Request asSent(Exchange.Request received) {
        Set<String> connectionTokens = caseInsensitive();
        for (String value : Exchange.Headers.values(received.headers(), "Connection")) {
            for (String token : value.split(",")) {
                connectionTokens.add(token.trim());
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String clientHost = Exchange.Headers.first(received.headers(), "Host");
        headers.put("Host", List.of(preserveHost && clientHost != null ? clientHost : targetHost));
        received.headers().forEach((name, values) -> {
            boolean kept = name.equalsIgnoreCase("Content-Length")
                    || !NOT_FORWARDED.contains(name) && !connectionTokens.contains(name);
            if (kept) {
                headers.put(name, new ArrayList<>(values));
            }
        });
        return new Exchange.Request(received.method(), basePath() + received.path(), received.query(), headers,
                received.body());
    }

    private URI uri(Exchange.Request received) {
        String base = target.getScheme() + "://" + targetHost + basePath(); // no user-info: java.net.http refuses it
        return URI.create(base + received.target());
    }

    private String basePath() {
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Exchange failed(Instant time, Exchange.Request sent, long started, String error) {
        return new Exchange(time, sent, null, (System.nanoTime() - started) / 1_000_000, error);
    }

    private static String describe(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isEmpty())) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isEmpty() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + " " + message;
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return set;
    }
}
