package dev.gwemu.auth.sigv4;

import dev.gwemu.model.CredentialSpec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Credentials gwemu cannot honour fail when the verifier is built, not on the first request. */
class SigV4VerifierLoadTest {
    private static final String ARN = "arn:aws:iam::111122223333:user/alice";

    @Test
    void sameAccessKeyTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> verifier(
                new CredentialSpec("AKID", "a", null, ARN, null), new CredentialSpec("AKID", "b", null, ARN, null)));
        assertEquals("access key AKID is listed twice", e.getMessage());
    }

    @Test
    void credentialWithoutSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> verifier(new CredentialSpec("AKID", null, null, ARN, null)));
        assertEquals("credential AKID: needs an access key id and a secret", e.getMessage());
    }

    @Test
    void negativeSkew() {
        assertThrows(IllegalArgumentException.class,
                () -> new SigV4Verifier(List.of(), "us-east-1", Clock.systemUTC(), Duration.ofMinutes(-1)));
    }

    @Test
    void skewIsWordedInMinutesOrSeconds() {
        assertEquals("5 min", SigV4Verifier.durationText(Duration.ofMinutes(5)));
        assertEquals("90 sec", SigV4Verifier.durationText(Duration.ofSeconds(90)));
    }

    private static SigV4Verifier verifier(CredentialSpec... credentials) {
        return new SigV4Verifier(List.of(credentials), "us-east-1", Clock.systemUTC(), Duration.ofMinutes(5));
    }
}
