package dev.gwemu.support;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS SDK for Java v2's own SigV4 signer ({@code AwsV4HttpSigner}), configured as the SDK's S3 client configures it
 * for {@code s3} (path encoded once, not normalised) and as every other client does otherwise, payload signed: the
 * oracle gwemu's signer is compared with, and what the fake AWS service recomputes signatures with.
 */
public final class SdkV4Signing {
    private SdkV4Signing() {
    }

    /**
     * @param url     scheme, host[:port], raw path and raw query as they go on the wire
     * @param headers header lines (name, value) in order, without Host (the SDK derives it from {@code url})
     * @param token   a session token, or null
     * @return the signed request's headers, grouped case-insensitively
     */
    public static Map<String, List<String>> sign(String method, String url, List<String[]> headers, byte[] body,
                                                 String service, String region, String accessKey, String secret,
                                                 String token, Instant at) {
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method)).uri(URI.create(url));
        for (String[] h : headers) {
            unsigned.appendHeader(h[0], h[1]);
        }
        SdkHttpFullRequest request = unsigned.build();
        AwsCredentialsIdentity identity = token == null ? AwsCredentialsIdentity.create(accessKey, secret)
                : AwsSessionCredentialsIdentity.create(accessKey, secret, token);
        boolean s3 = service.equals("s3");
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.request(request)
                .payload(ContentStreamProvider.fromByteArray(body == null ? new byte[0] : body))
                .identity(identity)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3));
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.putAll(signed.request().headers());
        return out;
    }
}
