package dev.gwemu.integration.aws;

import dev.gwemu.auth.sigv4.SigV4Signer;
import dev.gwemu.integration.HttpBackend;
import dev.gwemu.pipeline.HeaderList;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Forwards {@code AWS} integration calls to an endpoint the user runs (LocalStack, ElasticMQ, DynamoDB Local, ...) or to
 * a real account, signed with SigV4 from configured credentials, and hands back what the service answered, unchanged.
 *
 * <p>The call's path is appended to the endpoint's path ({@code http://localhost:4566} and {@code /123456789012/orders}
 * give {@code http://localhost:4566/123456789012/orders}); its query and headers are sent as the call has them, less
 * hop-by-hop headers. The signature is the call's region and service's signing name ({@link SigningNames}) with the
 * endpoint's {@code Host}, which is what the endpoint checks it against, not the AWS host the call names. Timeouts and
 * network failures are answered as for HTTP integrations ({@link HttpBackend}: 504, 500).
 *
 * <p>The integration's {@code credentials} role is not assumed: every call is signed with the configured credentials.
 */
public final class ForwardBackend implements ServiceBackend {
    /**
     * Not forwarded: hop-by-hop headers (RFC 9110 §7.6.1), which concern one connection and never reach a service, and
     * {@code Content-Length}, {@code Expect} and {@code Host}, which the HTTP client derives from the request itself.
     */
    static final Set<String> NOT_FORWARDED = caseInsensitive("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
            "Content-Length", "Expect", "Host");

    private final String origin;
    private final String basePath;
    private final String host;
    private final SigV4Signer signer;
    private final HttpBackend http;

    /**
     * @param endpoint    an {@code http://} or {@code https://} URL, optionally with a path, without query or fragment
     * @param credentials what calls are signed with
     * @param clock       the signing time
     * @param http        the client calls go through
     * @throws IllegalArgumentException when the endpoint is not such a URL
     */
    public ForwardBackend(URI endpoint, SigV4Signer.Credentials credentials, Clock clock, HttpBackend http) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null
                || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null || endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("an AWS service endpoint must be an http:// or https:// URL with a host and"
                    + " no query, fragment or user: '" + endpoint + "'");
        }
        this.host = hostHeader(scheme, endpoint.getHost(), endpoint.getPort());
        this.origin = scheme + "://" + (endpoint.getPort() == -1 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort());
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signer = new SigV4Signer(Objects.requireNonNull(credentials, "credentials"), Objects.requireNonNull(clock, "clock"));
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public ServiceAnswer send(ServiceCall call, int timeoutMillis) {
        String path = basePath + (call.path().startsWith("/") ? call.path() : "/" + call.path());
        String query = call.query() == null ? "" : call.query();
        URI uri = uri(path, query);
        byte[] body = HttpBackend.sendsBody(call.method()) && call.body() != null ? call.body() : new byte[0];
        HeaderList signed = signer.sign(new SigV4Signer.Request(call.method(), host, path, query, forwarded(call.headers()), body),
                SigningNames.of(call), call.region());
        HttpBackend.Response answer = http.send(call.method(), uri, signed, body, timeoutMillis);
        return new ServiceAnswer(answer.status(), Collections.unmodifiableMap(answer.headers()), answer.body());
    }

    /**
     * The Host header java.net.http sends, which must be the one signed: the host alone on the scheme's default port,
     * else host:port (as the AWS SDK writes it too).
     */
    static String hostHeader(String scheme, String host, int port) {
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return defaultPort ? host : host + ":" + port;
    }

    /** The call's headers less the hop-by-hop ones, including any its Connection header names. */
    static HeaderList forwarded(HeaderList headers) {
        Set<String> dropped = caseInsensitive();
        dropped.addAll(NOT_FORWARDED);
        for (HeaderList.Header h : headers.lines()) {
            if (h.name().equalsIgnoreCase("Connection")) {
                for (String token : h.value().split(",")) {
                    dropped.add(token.trim());
                }
            }
        }
        HeaderList out = new HeaderList();
        for (HeaderList.Header h : headers.lines()) {
            if (!dropped.contains(h.name())) {
                out.add(h.name(), h.value());
            }
        }
        return out;
    }

    private URI uri(String path, String query) {
        String text = origin + path + (query.isEmpty() ? "" : "?" + query);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw HttpBackend.invalidEndpoint(text, e.getMessage());
        }
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(set, names);
        return set;
    }
}
