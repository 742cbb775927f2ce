package dev.gwemu.auth.sigv4;

import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static dev.gwemu.auth.sigv4.SigV4Fixtures.NOW;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_ARN;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.ROLE_KEY;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.USER_ARN;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.USER_KEY;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.alice;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.deployer;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.get;
import static dev.gwemu.auth.sigv4.SigV4Fixtures.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests signed by the AWS SDK for Java v2's signer, in every form it produces, verify. */
class SigV4VerifierSdkTest {
    private final SigV4Verifier verifier = verifier();

    @Test
    void headerFormIdentifiesTheUser() {
        CallerIdentity caller = verifier.verify(get("/dev/pets/7").sign());

        assertEquals(USER_KEY, caller.accessKey());
        assertEquals("111122223333", caller.accountId());
        assertEquals(USER_ARN, caller.userArn());
        assertTrue(caller.caller().matches("AIDA[A-Z2-7]{17}"), caller.caller());
        assertEquals(caller.caller(), caller.user());
    }

    @Test
    void headerFormWithSessionTokenIdentifiesTheRoleSession() {
        CallerIdentity caller = verifier.verify(SdkSigning.request("GET", "/dev/pets", deployer(), NOW).sign());

        assertEquals(ROLE_KEY, caller.accessKey());
        assertEquals("444455556666", caller.accountId());
        assertEquals(ROLE_ARN, caller.userArn());
        assertTrue(caller.caller().matches("AROA[A-Z2-7]{17}:ci-run-42"), caller.caller());
    }

    @Test
    void headerFormWithJsonBody() {
        HttpRequest signed = SdkSigning.request("POST", "/dev/pets", alice(), NOW)
                .header("Content-Type", "application/json")
                .body("{\"name\":\"Fido\",\"type\":\"dog\",\"note\":\"caf\u00e9 \u2603\"}")
                .sign();

        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void headerFormWithRepeatedAndEncodedQueryParameters() {
        HttpRequest signed = get("/dev/pets?b=2&a=1&a=0&sp=a%20b&plus=%2B&slash=%2F&star=%2A&tilde=~&flag&empty="
                + "&u=caf%C3%A9&amp=%26&eq=%3D&A=upper").sign();

        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/dev/pets/a%20b",
            "/dev/files/dir%2Fname",
            "/dev/caf%C3%A9/%E2%98%83",
            "/dev/pets/./x/../7",
            "/dev/pets/x/..",
            "/dev//pets///7",
            "/dev/pets/7/",
            "/dev/odd/%21%27%28%29%2A%40%3A%3B%2C",
            "/dev/odd/-_.~",
            "/dev/%2e%2e/pets",
            "/dev/pets/%25",
            "/"})
    void oddPathsVerify(String path) {
        assertEquals(USER_KEY, verifier.verify(get(path).sign()).accessKey(), path);
    }

    @Test
    void headerValuesAreTrimmedAndRepeatedHeadersJoined() {
        HttpRequest signed = get("/dev/pets")
                .header("X-Custom", "  several   inner \t spaces  ")
                .header("X-Multi", "first")
                .header("X-Multi", " second ")
                .sign();

        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void headerFormWithUnsignedPayload() {
        HttpRequest signed = SdkSigning.request("PUT", "/dev/pets/7", alice(), NOW).body("{\"name\":\"Rex\"}").unsignedPayload().sign();

        assertEquals("UNSIGNED-PAYLOAD", signed.headers().first("x-amz-content-sha256"));
        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void headerFormWithDateHeaderInsteadOfXAmzDate() {
        HttpRequest signed = get("/dev/pets?q=1").signWithDateHeader();

        assertEquals("Mon, 1 Jan 2024 12:00:00 GMT", signed.headers().first("Date"));
        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void queryFormWithoutExpiry() {
        HttpRequest signed = get("/dev/pets?a=1").queryForm().sign();

        assertTrue(signed.rawQuery().contains("X-Amz-Signature="));
        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void presignedUrl() {
        HttpRequest signed = get("/dev/pets/7?a=1&a=0").presigned(Duration.ofMinutes(10)).sign();

        assertTrue(signed.rawQuery().contains("X-Amz-Expires=600"));
        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void presignedUrlWithSessionToken() {
        HttpRequest signed = SdkSigning.request("GET", "/dev/caf%C3%A9?x=a%20b", deployer(), NOW).presigned(Duration.ofMinutes(1)).sign();

        assertTrue(signed.rawQuery().contains("X-Amz-Security-Token="));
        assertEquals(ROLE_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void presignedPostWithBody() {
        HttpRequest signed = SdkSigning.request("POST", "/dev/pets", alice(), NOW).body("{\"a\":1}").presigned(Duration.ofMinutes(5)).sign();

        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void presignedWithUnsignedPayloadThatTheUrlDoesNotDeclare() {
        HttpRequest signed = SdkSigning.request("POST", "/dev/upload", alice(), NOW).body("anything").unsignedPayload()
                .presigned(Duration.ofMinutes(5)).sign();

        assertTrue(!signed.rawQuery().contains("Content-Sha256") && !signed.headers().contains("x-amz-content-sha256"));
        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void presignedUrlIsGoodForItsWholeLifetimeEvenBeyondTheSkew() {
        HttpRequest signed = SdkSigning.request("GET", "/dev/pets", alice(), NOW.minus(Duration.ofMinutes(14)))
                .presigned(Duration.ofMinutes(15)).sign();

        assertEquals(USER_KEY, verifier.verify(signed).accessKey());
    }

    @Test
    void datesAtTheEdgeOfTheSkewAreAccepted() {
        assertEquals(USER_KEY, verifier.verify(SdkSigning.request("GET", "/dev/pets", alice(), NOW.minus(Duration.ofMinutes(5))).sign()).accessKey());
        assertEquals(USER_KEY, verifier.verify(SdkSigning.request("GET", "/dev/pets", alice(), NOW.plus(Duration.ofMinutes(5))).sign()).accessKey());
    }

    @Test
    void signingKeysOfConsecutiveDaysBothWork() {
        MutableClock clock = new MutableClock(NOW);
        SigV4Verifier moving = verifier(clock);
        assertEquals(USER_KEY, moving.verify(get("/dev/pets").sign()).accessKey());

        clock.advance(Duration.ofDays(1));
        assertEquals(USER_KEY, moving.verify(SdkSigning.request("GET", "/dev/pets", alice(), NOW.plus(Duration.ofDays(1))).sign()).accessKey());

        clock.advance(Duration.ofDays(-1));
        assertEquals(USER_KEY, moving.verify(get("/dev/pets").sign()).accessKey());
    }
}
