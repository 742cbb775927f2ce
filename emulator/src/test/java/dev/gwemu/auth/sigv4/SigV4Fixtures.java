package dev.gwemu.auth.sigv4;

import dev.gwemu.model.CredentialSpec;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The credentials, clock and request rewrites the SigV4 tests share. */
final class SigV4Fixtures {
    static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");
    static final Duration SKEW = Duration.ofMinutes(5);

    static final String USER_KEY = "AKIDALICE0000000001";
    static final String USER_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String USER_ARN = "arn:aws:iam::111122223333:user/alice";

    static final String ROLE_KEY = "ASIAROLESESSION0001";
    static final String ROLE_SECRET = "role/secret+with=odd/chars";
    static final String ROLE_TOKEN = "IQoJb3JpZ2luX2VjEBYaCXVzLWVhc3QtMSJHMEUCIQ+/token==";
    static final String ROLE_ARN = "arn:aws:sts::444455556666:assumed-role/Deployer/ci-run-42";

    static final String OLD_KEY = "ASIAEXPIREDSESSION1";
    static final String OLD_SECRET = "expired-secret";
    static final String OLD_TOKEN = "old-token";

    static final List<CredentialSpec> CREDENTIALS = List.of(
            new CredentialSpec(USER_KEY, USER_SECRET, null, USER_ARN, null),
            new CredentialSpec(ROLE_KEY, ROLE_SECRET, ROLE_TOKEN, ROLE_ARN, NOW.plus(Duration.ofHours(1))),
            new CredentialSpec(OLD_KEY, OLD_SECRET, OLD_TOKEN, "arn:aws:sts::444455556666:assumed-role/Deployer/old",
                    NOW.minusSeconds(1)));

    private SigV4Fixtures() {
    }

    static SigV4Verifier verifier() {
        return verifier(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static SigV4Verifier verifier(Clock clock) {
        return new SigV4Verifier(CREDENTIALS, SdkSigning.REGION, clock, SKEW);
    }

    static AwsCredentialsIdentity alice() {
        return SdkSigning.basic(USER_KEY, USER_SECRET);
    }

    static AwsCredentialsIdentity deployer() {
        return SdkSigning.session(ROLE_KEY, ROLE_SECRET, ROLE_TOKEN);
    }

    static SdkSigning get(String pathAndQuery) {
        return SdkSigning.request("GET", pathAndQuery, alice(), NOW);
    }

    static HttpRequest withMethod(HttpRequest r, String method) {
        return new HttpRequest(method, r.rawPath(), r.rawQuery(), r.headers(), r.body(), r.sourceIp(), r.protocol(), r.scheme(), r.serverPort());
    }

    static HttpRequest withPath(HttpRequest r, String rawPath) {
        return new HttpRequest(r.method(), rawPath, r.rawQuery(), r.headers(), r.body(), r.sourceIp(), r.protocol(), r.scheme(), r.serverPort());
    }

    static HttpRequest withQuery(HttpRequest r, String rawQuery) {
        return new HttpRequest(r.method(), r.rawPath(), rawQuery, r.headers(), r.body(), r.sourceIp(), r.protocol(), r.scheme(), r.serverPort());
    }

    static HttpRequest withBody(HttpRequest r, String body) {
        return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), r.headers(), body.getBytes(StandardCharsets.UTF_8),
                r.sourceIp(), r.protocol(), r.scheme(), r.serverPort());
    }

    /** A copy whose header {@code name} (any case) has the one value {@code value}, spelled as before. */
    static HttpRequest withHeader(HttpRequest r, String name, String value) {
        HeaderList headers = new HeaderList();
        boolean replaced = false;
        for (HeaderList.Header h : r.headers().lines()) {
            if (!h.name().equalsIgnoreCase(name)) {
                headers.add(h.name(), h.value());
            } else if (!replaced) {
                headers.add(h.name(), value);
                replaced = true;
            }
        }
        if (!replaced) {
            headers.add(name, value);
        }
        return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body(), r.sourceIp(), r.protocol(), r.scheme(), r.serverPort());
    }

    static HttpRequest withoutHeader(HttpRequest r, String name) {
        HeaderList headers = new HeaderList();
        for (HeaderList.Header h : r.headers().lines()) {
            if (!h.name().equalsIgnoreCase(name)) {
                headers.add(h.name(), h.value());
            }
        }
        return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body(), r.sourceIp(), r.protocol(), r.scheme(), r.serverPort());
    }

    static HttpRequest withExtraHeader(HttpRequest r, String name, String value) {
        HeaderList headers = new HeaderList();
        r.headers().lines().forEach(h -> headers.add(h.name(), h.value()));
        headers.add(name, value);
        return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body(), r.sourceIp(), r.protocol(), r.scheme(), r.serverPort());
    }

    /** An unsigned request with just a Host (and the given extra headers). */
    static HttpRequest unsigned(String path, String... nameValues) {
        HeaderList headers = new HeaderList().add("Host", SdkSigning.HOST);
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(nameValues[i], nameValues[i + 1]);
        }
        int q = path.indexOf('?');
        return new HttpRequest("GET", q < 0 ? path : path.substring(0, q), q < 0 ? "" : path.substring(q + 1), headers,
                new byte[0], "127.0.0.1", "HTTP/1.1", "http", 3000);
    }
}
