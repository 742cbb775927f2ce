package dev.gwemu.auth.sigv4;

import dev.gwemu.pipeline.HeaderList;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs a request to an AWS service with Signature Version 4 in the header form, as the AWS SDK for Java v2's
 * {@code AwsV4HttpSigner} does: it sets {@code Host}, {@code X-Amz-Date}, {@code X-Amz-Content-Sha256} (the body's
 * SHA-256), {@code X-Amz-Security-Token} for temporary credentials, and {@code Authorization}, and signs every header
 * but the few the SDK leaves unsigned. The canonical request is the one {@link SigV4Verifier} checks against.
 *
 * <p>{@code X-Amz-Content-Sha256}: S3 requires it (AWS's SigV4 reference); other services accept it, and the SDK sends
 * it to every service, so it is always sent — one rule, and byte-identical signatures with the SDK's.
 *
 * <p>S3 (signing name {@code s3}) signs its path encoded once and not normalised; every other service double-encodes
 * and normalises it ({@link CanonicalPath}).
 */
public final class SigV4Signer {
    /** The signing name whose path is encoded once; S3 object keys are paths that must stay as they are. */
    static final String S3 = "s3";
    /** Left unsigned, as the AWS SDK leaves them: proxies may add or change them on the way. */
    private static final Set<String> UNSIGNED = Set.of("connection", "x-amzn-trace-id", "user-agent", "expect");
    private static final String[] OWN_HEADERS = {"Host", "X-Amz-Date", "X-Amz-Content-Sha256", "X-Amz-Security-Token",
            "Authorization"};

    /**
     * An access key.
     *
     * @param sessionToken the temporary credentials' token, or null for a long-term key
     */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        public Credentials {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
                throw new IllegalArgumentException("AWS credentials need an access key id and a secret access key");
            }
            if (sessionToken != null && sessionToken.isEmpty()) {
                sessionToken = null;
            }
        }

        /** Never the secret or the token: credentials end up in log lines and error messages. */
        @Override
        public String toString() {
            return "Credentials[" + accessKeyId + (sessionToken == null ? "" : ", with session token") + "]";
        }
    }

    /**
     * A request as it will go on the wire.
     *
     * @param host    the {@code Host} header it will be sent with ({@code host} or {@code host:port})
     * @param rawPath the path, percent-encoded as sent, starting with '/'
     * @param rawQuery the query string as sent, without '?'; "" or null for none
     * @param headers the header lines to send; not changed
     * @param body    the body as sent; null for none
     */
    public record Request(String method, String host, String rawPath, String rawQuery, HeaderList headers, byte[] body) {
    }

    private final Credentials credentials;
    private final byte[] secretSeed;
    private final Clock clock;

    /** @param clock the signing time; signatures are valid for 5 minutes either side of it */
    public SigV4Signer(Credentials credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.secretSeed = Signatures.secretSeed(credentials.secretAccessKey());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param service the signing name ({@code kinesis}, {@code s3}, {@code states}, ...)
     * @param region  the region of the credential scope
     * @return the request's headers, the signing headers set (any same-named lines the request had are replaced)
     */
    public HeaderList sign(Request request, String service, String region) {
        String amzDate = AmzDates.formatBasic(clock.instant());
        String day = AmzDates.day(amzDate);
        String payloadHash = Sha256.hex(request.body() == null ? new byte[0] : request.body());

        HeaderList headers = new HeaderList();
        for (HeaderList.Header h : request.headers().lines()) {
            if (!isOwn(h.name())) {
                headers.add(h.name(), h.value());
            }
        }
        headers.add("Host", request.host());
        headers.add("X-Amz-Date", amzDate);
        headers.add("X-Amz-Content-Sha256", payloadHash);
        if (credentials.sessionToken() != null) {
            headers.add("X-Amz-Security-Token", credentials.sessionToken());
        }

        String signedHeaders = signedHeaders(headers);
        String canonicalUri = service.equals(S3) ? CanonicalPath.singleEncoded(request.rawPath()) : CanonicalPath.of(request.rawPath());
        String canonical = CanonicalRequest.build(request.method(), canonicalUri, QueryParameters.parse(request.rawQuery()),
                false, headers, signedHeaders, payloadHash);
        String scope = Signatures.scope(day, region, service);
        String signature = Signatures.signature(Signatures.signingKey(secretSeed, day, region, service),
                Signatures.stringToSign(amzDate, scope, canonical));
        headers.add("Authorization", Signatures.ALGORITHM + " Credential=" + credentials.accessKeyId() + '/' + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return headers;
    }

    /** Every header name but the unsigned ones, lower case, sorted, once each, separated by ';'. */
    static String signedHeaders(HeaderList headers) {
        Set<String> names = new TreeSet<>();
        for (HeaderList.Header h : headers.lines()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!UNSIGNED.contains(name)) {
                names.add(name);
            }
        }
        return String.join(";", names);
    }

    /** A header the signer sets itself, so a same-named one from the request would contradict the signature. */
    private static boolean isOwn(String name) {
        for (String own : OWN_HEADERS) {
            if (own.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
