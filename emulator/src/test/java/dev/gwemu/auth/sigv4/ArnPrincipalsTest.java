package dev.gwemu.auth.sigv4;

import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.model.CredentialSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The caller identity derived from a credential's ARN. */
class ArnPrincipalsTest {
    @Test
    void iamUserGetsAStableAidaId() {
        CallerIdentity alice = identity("arn:aws:iam::111122223333:user/alice");

        assertTrue(alice.caller().matches("AIDA[A-Z2-7]{17}"), alice.caller());
        assertEquals(alice.caller(), alice.user());
        assertEquals("111122223333", alice.accountId());
        assertEquals("AKID", alice.accessKey());
        assertEquals("arn:aws:iam::111122223333:user/alice", alice.userArn());
        assertEquals(alice.caller(), identity("arn:aws:iam::111122223333:user/alice").caller(), "same on every load");
        assertNotEquals(alice.caller(), identity("arn:aws:iam::111122223333:user/bob").caller());
        assertNotEquals(alice.caller(), identity("arn:aws:iam::999999999999:user/alice").caller());
    }

    @Test
    void assumedRoleSessionIsTheRoleIdAndTheSession() {
        CallerIdentity first = identity("arn:aws:sts::444455556666:assumed-role/Deployer/ci-run-42");
        CallerIdentity second = identity("arn:aws:sts::444455556666:assumed-role/Deployer/laptop");
        CallerIdentity role = identity("arn:aws:iam::444455556666:role/pipelines/Deployer");

        assertTrue(first.caller().matches("AROA[A-Z2-7]{17}:ci-run-42"), first.caller());
        assertEquals(first.caller().split(":")[0], second.caller().split(":")[0], "the role id does not depend on the session");
        assertEquals(first.caller().split(":")[0], role.caller());
        assertEquals("444455556666", first.accountId());
    }

    @Test
    void rootAndFederatedUsers() {
        assertEquals("111122223333", identity("arn:aws:iam::111122223333:root").caller());
        assertEquals("111122223333:carol", identity("arn:aws:sts::111122223333:federated-user/carol").caller());
    }

    @Test
    void malformedArnFailsAtLoad() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> identity("alice"));
        assertEquals("credential AKID: arn must look like arn:aws:iam::111122223333:user/alice, not alice", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> identity("arn:aws:iam:::user/alice"));
        assertThrows(IllegalArgumentException.class, () -> identity(null));
    }

    private static CallerIdentity identity(String arn) {
        return ArnPrincipals.identityOf(new CredentialSpec("AKID", "secret", null, arn, null));
    }
}
