package dev.gwemu.integration.aws;

import dev.gwemu.support.SdkV4Signing;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in AWS service on a free port: it records every request exactly as it arrived (method, raw path, raw query,
 * header lines, body), checks its SigV4 signature the way AWS does — recomputing it with the AWS SDK's signer from the
 * signed headers, the body and the secret of the access key named — and answers what the test scripts. A request whose
 * signature does not match is answered 403 {@code InvalidSignatureException}, as AWS answers it.
 */
final class FakeAwsService implements AutoCloseable {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** The headers the SDK sets itself when signing, so they are not handed to it. */
    private static final Set<String> SET_BY_SIGNER = Set.of("host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token");

    /** One request as it arrived, and what its signature said. */
    record Received(String method, String rawPath, String rawQuery, List<String[]> headers, byte[] body,
                    boolean signatureValid, String signingService, String signingRegion, String signedHeaders) {
        /** Every value of a header (any case), in arrival order. */
        List<String> values(String name) {
            List<String> out = new ArrayList<>();
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    out.add(h[1]);
                }
            }
            return out;
        }

        String first(String name) {
            List<String> all = values(name);
            return all.isEmpty() ? null : all.get(0);
        }
    }

    /** What to answer, after {@code delayMillis}. */
    record Answer(int status, List<String[]> headers, byte[] body, long delayMillis) {
        static Answer json(int status, String json) {
            List<String[]> headers = new ArrayList<>();
            headers.add(new String[] {"Content-Type", "application/x-amz-json-1.1"});
            return new Answer(status, headers, json.getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    private final Undertow server;
    private final int port;
    private final Map<String, String> secrets;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> responder = r -> Answer.json(200, "{}");

    /** @param secrets the secret of each access key the service knows */
    static FakeAwsService start(Map<String, String> secrets) {
        return new FakeAwsService(secrets);
    }

    private FakeAwsService(Map<String, String> secrets) {
        this.secrets = Map.copyOf(secrets);
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.ALLOW_ENCODED_SLASH, true)
                .setServerOption(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
                .setHandler(this::handle)
                .build();
        server.start();
        this.port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void answer(Function<Received, Answer> responder) {
        this.responder = responder;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The latest request received. */
    Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("no request received");
        }
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        server.stop();
    }

    private void handle(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this::handle);
            return;
        }
        exchange.startBlocking();
        byte[] body;
        try (InputStream in = exchange.getInputStream()) {
            body = in.readAllBytes();
        }
        List<String[]> headers = new ArrayList<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String value : values) {
                headers.add(new String[] {values.getHeaderName().toString(), value});
            }
        }
        Received request = verified(exchange.getRequestMethod().toString(), exchange.getRequestURI(),
                exchange.getQueryString(), headers, body);
        received.add(request);

        Answer answer = request.signatureValid() ? responder.apply(request) : Answer.json(403,
                "{\"__type\":\"InvalidSignatureException\",\"message\":\"The request signature we calculated does not match"
                        + " the signature you provided.\"}");
        if (answer.delayMillis() > 0) {
            Thread.sleep(answer.delayMillis());
            if (!exchange.getConnection().isOpen()) {
                return; // the client gave up waiting
            }
        }
        exchange.setStatusCode(answer.status());
        for (String[] h : answer.headers()) {
            exchange.getResponseHeaders().add(new HttpString(h[0]), h[1]);
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(answer.body()));
    }

    /** The request with its signature recomputed by the AWS SDK from what arrived and compared with what was sent. */
    private Received verified(String method, String rawPath, String rawQuery, List<String[]> headers, byte[] body) {
        Received unverified = new Received(method, rawPath, rawQuery, headers, body, false, null, null, null);
        String authorization = unverified.first("Authorization");
        Matcher m = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (m == null || !m.matches() || !secrets.containsKey(m.group(1)) || unverified.first("X-Amz-Date") == null) {
            return unverified;
        }
        List<String> signed = Arrays.asList(m.group(5).split(";"));
        List<String[]> signedLines = new ArrayList<>();
        for (String[] h : headers) {
            String lower = h[0].toLowerCase(Locale.ROOT);
            if (signed.contains(lower) && !SET_BY_SIGNER.contains(lower)) {
                signedLines.add(h);
            }
        }
        String token = signed.contains("x-amz-security-token") ? unverified.first("X-Amz-Security-Token") : null;
        Instant at = LocalDateTime.parse(unverified.first("X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
        String url = "http://" + unverified.first("Host") + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        Map<String, List<String>> expected = SdkV4Signing.sign(method, url, signedLines, body, m.group(4), m.group(3),
                m.group(1), secrets.get(m.group(1)), token, at);
        boolean valid = authorization.equals(expected.get("Authorization").get(0));
        return new Received(method, rawPath, rawQuery, headers, body, valid, m.group(4), m.group(3), m.group(5));
    }
}
