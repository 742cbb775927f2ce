package dev.gwemu.auth.http;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Requests signed by the AWS SDK for Java v2's own SigV4 signer ({@link AwsV4HttpSigner}), as they go on the wire,
 * so a test can send them as signed or change one thing first.
 */
final class Sigv4 {
    /** api.yaml's credentials. */
    static final AwsCredentialsIdentity ALICE = AwsCredentialsIdentity.create("AKIDSAMEACCOUNT01", "same-account-secret-key-0123456789");
    static final AwsCredentialsIdentity BOB = AwsCredentialsIdentity.create("AKIDOTHERACCOUNT1", "other-account-secret-key-0123456789");
    static final AwsSessionCredentialsIdentity CAROL =
            AwsSessionCredentialsIdentity.create("ASIATEMPORARY0001", "temporary-secret-key-0123456789", "session-token-0001");
    /** Expired on 2020-01-01. */
    static final AwsSessionCredentialsIdentity DAVE =
            AwsSessionCredentialsIdentity.create("ASIAEXPIRED000001", "expired-secret-key-0123456789", "session-token-0002");

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What goes on the wire: method, encoded path and query, header lines in order, body. */
    record Wire(String method, String pathAndQuery, List<String[]> headers, byte[] body) {
        Wire withPathAndQuery(String newPathAndQuery) {
            return new Wire(method, newPathAndQuery, headers, body);
        }

        Wire withBody(String text) {
            return new Wire(method, pathAndQuery, headers, text.getBytes(StandardCharsets.UTF_8));
        }

        /** The header's value replaced (added when absent), names compared case-insensitively. */
        Wire withHeader(String name, String value) {
            List<String[]> changed = new ArrayList<>();
            boolean replaced = false;
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    if (!replaced && value != null) {
                        changed.add(new String[]{h[0], value});
                    }
                    replaced = true;
                } else {
                    changed.add(h);
                }
            }
            if (!replaced && value != null) {
                changed.add(new String[]{name, value});
            }
            return new Wire(method, pathAndQuery, changed, body);
        }

        Wire withoutHeader(String name) {
            return withHeader(name, null);
        }

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        HttpResponse<String> send(SecurityProject project) {
            HttpRequest.Builder request = HttpRequest.newBuilder(project.gateway.uri(pathAndQuery))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String[] h : headers) {
                request.header(h[0], h[1]);
            }
            return project.send(request);
        }
    }

    private final String method;
    private final String host;
    private final String pathAndQuery;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private AwsCredentialsIdentity credentials = ALICE;
    private Instant at;
    private String region = "us-east-1";
    private String service = "execute-api";
    private boolean presigned;
    private Duration expires;

    private Sigv4(String method, String host, String pathAndQuery) {
        this.method = method;
        this.host = host;
        this.pathAndQuery = pathAndQuery;
    }

    /** @param pathAndQuery encoded, as on the wire */
    static Sigv4 request(String method, String host, String pathAndQuery) {
        return new Sigv4(method, host, pathAndQuery);
    }

    Sigv4 by(AwsCredentialsIdentity identity) {
        this.credentials = identity;
        return this;
    }

    Sigv4 at(Instant instant) {
        this.at = instant;
        return this;
    }

    Sigv4 header(String name, String value) {
        headers.add(new String[]{name, value});
        return this;
    }

    Sigv4 body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Sigv4 region(String name) {
        this.region = name;
        return this;
    }

    Sigv4 service(String name) {
        this.service = name;
        return this;
    }

    /** The query-string form: X-Amz-Algorithm, -Credential, -Date, -SignedHeaders, -Signature (and -Expires when given). */
    Sigv4 presigned(Duration lifetime) {
        this.presigned = true;
        this.expires = lifetime;
        return this;
    }

    Wire sign() {
        if (at == null) {
            throw new IllegalStateException("say when it is signed (the gateway's clock)");
        }
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("https://" + host + pathAndQuery));
        for (String[] h : headers) {
            unsigned.appendHeader(h[0], h[1]);
        }
        SdkHttpFullRequest request = unsigned.build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .identity(credentials)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC));
            if (presigned) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING);
                if (expires != null) {
                    r.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires);
                }
            }
        }).request();
        List<String[]> lines = new ArrayList<>();
        if (signed.firstMatchingHeader("Host").isEmpty()) {
            lines.add(new String[]{"Host", host});
        }
        signed.forEachHeader((name, values) -> values.forEach(v -> lines.add(new String[]{name, v})));
        String query = signed.encodedQueryParameters().map(q -> "?" + q).orElse("");
        return new Wire(method, signed.encodedPath() + query, lines, body);
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * API Gateway's answer to a signature that does not match (§3.1): the canonical request and string to sign it
     * computed, which the test writes out by hand.
     */
    static String mismatch(String canonicalRequest, Instant signedAt) {
        String amzDate = AMZ_DATE.format(signedAt);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + amzDate.substring(0, 8) + "/us-east-1/execute-api/aws4_request\n"
                + sha256Hex(canonicalRequest);
        return "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key"
                + " and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'"
                + canonicalRequest + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n";
    }
}
