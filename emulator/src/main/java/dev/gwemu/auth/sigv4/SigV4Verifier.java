package dev.gwemu.auth.sigv4;

import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.model.CredentialSpec;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies the Signature Version 4 of a request to an AWS_IAM method (service {@code execute-api})
 * and tells who signed it (security-and-operations.md §3.1). Checks run in the order AWS's signature
 * front end runs them, so a request with several faults gets the answer AWS gives: form and missing
 * parts, date format, date window, signed host, algorithm, credential shape, credential scope,
 * access key, signature, session token, credential expiry.
 */
public final class SigV4Verifier {
    static final String ALGORITHM = Signatures.ALGORITHM;
    static final String SERVICE = "execute-api";
    static final String TERMINATOR = Signatures.TERMINATOR;
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    /** SigV4's longest presigned lifetime, a week. */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    private final Map<String, KnownCredential> credentials;
    private final String region;
    private final Clock clock;
    private final Duration allowedSkew;
    private final String skewText;

    /**
     * @param credentials the access keys that may sign; their ARNs must be well formed
     * @param region      the API's region, the only one a credential scope may name
     * @param clock       the time requests are judged against
     * @param allowedSkew how far a signature's date may be from now either way (AWS: 5 minutes)
     */
    public SigV4Verifier(List<CredentialSpec> credentials, String region, Clock clock, Duration allowedSkew) {
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (allowedSkew.isNegative()) {
            throw new IllegalArgumentException("allowedSkew must not be negative: " + allowedSkew);
        }
        this.allowedSkew = allowedSkew;
        this.skewText = durationText(allowedSkew);
        Map<String, KnownCredential> byKey = new HashMap<>();
        for (CredentialSpec c : credentials) {
            if (byKey.put(c.accessKeyId(), new KnownCredential(c, region, SERVICE)) != null) {
                throw new IllegalArgumentException("access key " + c.accessKeyId() + " is listed twice");
            }
        }
        this.credentials = Map.copyOf(byKey);
    }

    /**
     * @return the caller
     * @throws GatewayException with AWS's status, body message and x-amzn-ErrorType
     */
    public CallerIdentity verify(HttpRequest request) {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        SignatureClaim claim = claimOf(request, query);
        Instant date = claim.dateFromDateHeader() ? AmzDates.parseDateHeader(claim.date()) : AmzDates.parseBasic(claim.date());
        if (date == null) {
            throw SigV4Failures.incomplete(SigV4Failures.DATE_NOT_ISO8601.formatted(claim.date()));
        }
        String amzDate = AmzDates.formatBasic(date);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        checkDateWindow(claim, date, amzDate, now);
        if (!signsHost(claim.signedHeaders())) {
            throw SigV4Failures.invalid(SigV4Failures.HOST_NOT_SIGNED);
        }
        if (!ALGORITHM.equals(claim.algorithm())) {
            throw SigV4Failures.incomplete(SigV4Failures.UNSUPPORTED_ALGORITHM.formatted(claim.algorithm()));
        }
        // split drops trailing empty strings: AWS ignores trailing slashes here too.
        String[] scope = claim.credential().split("/");
        if (scope.length != 5) {
            throw SigV4Failures.incomplete(SigV4Failures.CREDENTIAL_NOT_FIVE_PARTS.formatted(claim.credential()));
        }
        checkScope(scope, amzDate);
        KnownCredential known = credentials.get(scope[0]);
        if (known == null) {
            throw SigV4Failures.unrecognizedClient("SigV4: unknown access key " + scope[0]);
        }
        checkSignature(request, query, claim, known, amzDate, String.join("/", scope[1], scope[2], scope[3], scope[4]));
        if (!known.acceptsSessionToken(claim.securityToken())) {
            throw SigV4Failures.unrecognizedClient("SigV4: wrong or missing session token for " + known.accessKeyId());
        }
        if (known.hasExpiredAt(now)) {
            throw SigV4Failures.expiredToken("SigV4: credentials " + known.accessKeyId() + " have expired");
        }
        return known.identity();
    }

    private static SignatureClaim claimOf(HttpRequest request, QueryParameters query) {
        String authorization = authorization(request.headers());
        boolean presigned = query.first(PresignedQueryParser.X_AMZ_ALGORITHM) != null;
        if (authorization != null && presigned) {
            throw SigV4Failures.invalid(SigV4Failures.FOUND_BOTH);
        }
        if (authorization != null) {
            return AuthorizationHeaderParser.parse(authorization, request.headers());
        }
        if (presigned) {
            return PresignedQueryParser.parse(query, request.headers());
        }
        throw SigV4Failures.missingToken();
    }

    /** Every Authorization line, joined as HTTP joins repeated headers; null when none or blank [unc]. */
    private static String authorization(HeaderList headers) {
        String joined = null;
        for (HeaderList.Header h : headers.lines()) {
            if (h.name().equalsIgnoreCase("Authorization")) {
                joined = joined == null ? h.value() : joined + ", " + h.value();
            }
        }
        return joined == null || joined.isBlank() ? null : joined;
    }

    /**
     * Too old: earlier than now minus the skew, or for a presigned request with X-Amz-Expires, than now
     * minus that lifetime [unc: AWS's text for an expired presigned URL is not recorded; the skew's is reused].
     * Too new: later than now plus the skew.
     */
    private void checkDateWindow(SignatureClaim claim, Instant date, String amzDate, Instant now) {
        Duration window = allowedSkew;
        String windowText = skewText;
        if (claim.expires() != null) {
            window = Duration.ofSeconds(expiresSeconds(claim.expires()));
            windowText = durationText(window);
        }
        Instant earliest = now.minus(window);
        if (date.isBefore(earliest)) {
            throw SigV4Failures.invalid(SigV4Failures.SIGNATURE_EXPIRED.formatted(amzDate, AmzDates.formatBasic(earliest),
                    AmzDates.formatBasic(now), windowText));
        }
        Instant latest = now.plus(allowedSkew);
        if (date.isAfter(latest)) {
            throw SigV4Failures.invalid(SigV4Failures.SIGNATURE_NOT_YET_CURRENT.formatted(amzDate, AmzDates.formatBasic(latest),
                    AmzDates.formatBasic(now), skewText));
        }
    }

    private static long expiresSeconds(String expires) {
        if (expires.isEmpty() || expires.length() > 18 || !expires.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw SigV4Failures.incomplete(SigV4Failures.EXPIRES_NOT_A_NUMBER);
        }
        long seconds = Long.parseLong(expires);
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw SigV4Failures.incomplete(SigV4Failures.EXPIRES_TOO_LONG);
        }
        return seconds;
    }

    /** HTTP/2 clients may sign ":authority" instead, as the message says. */
    private static boolean signsHost(String signedHeaders) {
        for (String name : signedHeaders.split(";")) {
            if (name.equalsIgnoreCase("host") || name.equals(":authority")) {
                return true;
            }
        }
        return false;
    }

    /** Every wrong part of {@code keyId/day/region/service/terminator} is named, in AWS's order. */
    private void checkScope(String[] scope, String amzDate) {
        StringBuilder problems = new StringBuilder();
        if (!scope[2].equals(region)) {
            problems.append(SigV4Failures.SCOPE_REGION);
        }
        if (!scope[3].equals(SERVICE)) {
            problems.append(SigV4Failures.SCOPE_SERVICE.formatted(SERVICE));
        }
        if (!scope[4].equals(TERMINATOR)) {
            problems.append(SigV4Failures.SCOPE_TERMINATOR.formatted(scope[4]));
        }
        String day = AmzDates.day(amzDate);
        if (!scope[1].equals(day)) {
            problems.append(SigV4Failures.SCOPE_DATE.formatted(scope[1], day, amzDate));
        }
        if (!problems.isEmpty()) {
            throw SigV4Failures.invalid(problems.toString());
        }
    }

    /**
     * The payload hash is the body's SHA-256 unless the client declared UNSIGNED-PAYLOAD. The SDK's
     * presigner can sign UNSIGNED-PAYLOAD without saying so, so an undeclared presigned request that
     * fails with the body's hash is tried once more with UNSIGNED-PAYLOAD; that only admits what the
     * client itself signed.
     */
    private static void checkSignature(HttpRequest request, QueryParameters query, SignatureClaim claim,
                                       KnownCredential known, String amzDate, String scope) {
        byte[] signingKey = known.signingKey(AmzDates.day(amzDate));
        boolean declaredUnsigned = UNSIGNED_PAYLOAD.equals(claim.declaredPayloadHash());
        String payloadHash = declaredUnsigned ? UNSIGNED_PAYLOAD : Sha256.hex(request.body() == null ? new byte[0] : request.body());
        String canonical = CanonicalRequest.build(request, query, claim.presigned(), claim.signedHeaders(), payloadHash);
        String stringToSign = Signatures.stringToSign(amzDate, scope, canonical);
        if (matches(signingKey, stringToSign, claim.signature())) {
            return;
        }
        if (claim.presigned() && claim.declaredPayloadHash() == null) {
            String unsigned = CanonicalRequest.build(request, query, true, claim.signedHeaders(), UNSIGNED_PAYLOAD);
            if (matches(signingKey, Signatures.stringToSign(amzDate, scope, unsigned), claim.signature())) {
                return;
            }
        }
        throw SigV4Failures.signatureMismatch(canonical, stringToSign)
                .because("SigV4: signature mismatch for " + known.accessKeyId());
    }

    /** Constant time: how much of a guessed signature is right must not show in the response time. */
    private static boolean matches(byte[] signingKey, String stringToSign, String presented) {
        byte[] expected = Signatures.signature(signingKey, stringToSign).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** "5 min" for whole minutes, else "N sec", as AWS words the window. */
    static String durationText(Duration d) {
        long seconds = d.getSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " min" : seconds + " sec";
    }
}
