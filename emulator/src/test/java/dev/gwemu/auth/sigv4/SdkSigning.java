package dev.gwemu.auth.sigv4;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.CredentialScope;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.util.SignerUtils;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.utils.BinaryUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs requests with the AWS SDK for Java v2's own SigV4 signer and turns the signed request into
 * the {@link HttpRequest} the gateway would receive; also asks the SDK what canonical request it
 * would build, as the oracle for mismatch messages.
 */
final class SdkSigning {
    static final String HOST = "abc123defg.execute-api.localhost:3000";
    static final String REGION = "us-east-1";
    static final String SERVICE = "execute-api";

    private final SdkHttpMethod method;
    private final String pathAndQuery;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private AwsCredentialsIdentity credentials;
    private String region = REGION;
    private String service = SERVICE;
    private Instant at;
    private boolean queryForm;
    private Duration expires;
    private boolean unsignedPayload;

    private SdkSigning(SdkHttpMethod method, String pathAndQuery, AwsCredentialsIdentity credentials, Instant at) {
        this.method = method;
        this.pathAndQuery = pathAndQuery;
        this.credentials = credentials;
        this.at = at;
    }

    /** @param pathAndQuery the encoded path and query as they go on the wire, e.g. {@code /dev/pets?a=1} */
    static SdkSigning request(String method, String pathAndQuery, AwsCredentialsIdentity credentials, Instant at) {
        return new SdkSigning(SdkHttpMethod.fromValue(method), pathAndQuery, credentials, at);
    }

    SdkSigning header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    SdkSigning body(String text) {
        this.body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    SdkSigning region(String region) {
        this.region = region;
        return this;
    }

    SdkSigning service(String service) {
        this.service = service;
        return this;
    }

    /** The query-string form without X-Amz-Expires. */
    SdkSigning queryForm() {
        this.queryForm = true;
        return this;
    }

    /** A presigned URL valid for {@code expires}. */
    SdkSigning presigned(Duration expires) {
        this.queryForm = true;
        this.expires = expires;
        return this;
    }

    SdkSigning unsignedPayload() {
        this.unsignedPayload = true;
        return this;
    }

    HttpRequest sign() {
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(method).uri(URI.create("https://" + HOST + pathAndQuery));
        for (String[] h : headers) {
            unsigned.appendHeader(h[0], h[1]);
        }
        SdkHttpFullRequest request = unsigned.build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .identity(credentials)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC));
            if (queryForm) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING);
            }
            if (expires != null) {
                r.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires);
            }
            if (unsignedPayload) {
                r.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false);
            }
        });
        return received(signed.request(), body);
    }

    /**
     * A request signed in the header form with the HTTP {@code Date} header instead of X-Amz-Date,
     * which the SDK signer never produces: the SDK's canonical request and key derivation, assembled by hand.
     */
    HttpRequest signWithDateHeader() {
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder().method(method).uri(URI.create("https://" + HOST + pathAndQuery))
                .putHeader("Host", HOST)
                .putHeader("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC)));
        for (String[] h : headers) {
            builder.appendHeader(h[0], h[1]);
        }
        SdkHttpFullRequest request = builder.build();
        V4CanonicalRequest canonical = new V4CanonicalRequest(request, BinaryUtils.toHex(SignerUtils.hash(body)),
                new V4CanonicalRequest.Options(true, true));
        CredentialScope scope = new CredentialScope(region, service, at);
        String stringToSign = "AWS4-HMAC-SHA256\n" + scope.getDatetime() + "\n" + scope.scope() + "\n"
                + SignerUtils.hashCanonicalRequest(canonical.getCanonicalRequestString());
        String signature = BinaryUtils.toHex(SignerUtils.computeSignature(stringToSign, SignerUtils.deriveSigningKey(credentials, scope)));
        SdkHttpRequest signed = request.toBuilder().putHeader("Authorization", "AWS4-HMAC-SHA256 Credential="
                + credentials.accessKeyId() + "/" + scope.scope() + ", SignedHeaders=" + canonical.getSignedHeadersString()
                + ", Signature=" + signature).build();
        return received(signed, body);
    }

    /** What the gateway sees: the path and query as the SDK encoded them, one header line per value. */
    static HttpRequest received(SdkHttpRequest signed, byte[] body) {
        HeaderList lines = new HeaderList();
        signed.forEachHeader((name, values) -> values.forEach(v -> lines.add(name, v)));
        return new HttpRequest(signed.method().name(), signed.encodedPath(), signed.encodedQueryParameters().orElse(""),
                lines, body, "127.0.0.1", "HTTP/1.1", "http", 3000);
    }

    /**
     * The SDK's canonical request for what the gateway received (Authorization and, when presigned,
     * X-Amz-Signature left out, since neither is signed), every remaining header signed.
     */
    static String sdkCanonicalRequest(HttpRequest received, String payloadHash) {
        String query = received.rawQuery().isEmpty() ? "" : "?" + received.rawQuery();
        SdkHttpFullRequest.Builder builder = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(received.method()))
                .uri(URI.create("http://" + HOST + received.rawPath() + query));
        builder.removeQueryParameter("X-Amz-Signature");
        for (HeaderList.Header h : received.headers().lines()) {
            if (!h.name().equalsIgnoreCase("Authorization")) {
                builder.appendHeader(h.name(), h.value());
            }
        }
        return new V4CanonicalRequest(builder.build(), payloadHash, new V4CanonicalRequest.Options(true, true))
                .getCanonicalRequestString();
    }

    static String sha256Hex(byte[] data) {
        return BinaryUtils.toHex(SignerUtils.hash(data));
    }

    static AwsSessionCredentialsIdentity session(String keyId, String secret, String token) {
        return AwsSessionCredentialsIdentity.create(keyId, secret, token);
    }

    static AwsCredentialsIdentity basic(String keyId, String secret) {
        return AwsCredentialsIdentity.create(keyId, secret);
    }
}
