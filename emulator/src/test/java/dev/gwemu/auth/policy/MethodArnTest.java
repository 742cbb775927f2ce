package dev.gwemu.auth.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The method ARN of security-and-operations.md §3. */
class MethodArnTest {
    @Test
    void pathAfterTheStageWithoutItsLeadingSlash() {
        assertEquals("arn:aws:execute-api:us-west-2:123456789012:ymy8tbxw7b/dev/GET/pets/7",
                MethodArn.of("us-west-2", "123456789012", "ymy8tbxw7b", "dev", "GET", "/pets/7").arn());
        assertEquals("pets/7", MethodArn.of("us-west-2", "123456789012", "ymy8tbxw7b", "dev", "GET", "/pets/7").path());
    }

    @Test
    void theRootEndsInASlash() {
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/",
                MethodArn.of("us-east-1", "123456789012", "abc123", "dev", "GET", "/").arn());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abc123/dev/GET/",
                MethodArn.of("us-east-1", "123456789012", "abc123", "dev", "GET", "").arn());
    }

    @Test
    void thePathIsKeptAsReceived() {
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abc123/Prod/GET/test//",
                MethodArn.of("us-east-1", "123456789012", "abc123", "Prod", "GET", "/test//").arn());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abc123/dev/DELETE/a%20b",
                MethodArn.of("us-east-1", "123456789012", "abc123", "dev", "DELETE", "/a%20b").toString());
    }

    @Test
    void authorizationLimitIs1600Bytes() {
        String prefix = MethodArn.of("us-east-1", "123456789012", "abc123", "dev", "GET", "/").arn();
        MethodArn exactly = MethodArn.of("us-east-1", "123456789012", "abc123", "dev", "GET", "/" + "p".repeat(1600 - prefix.length()));
        assertEquals(1600, exactly.arn().length());
        assertFalse(exactly.exceedsAuthorizationLimit());
        assertTrue(MethodArn.of("us-east-1", "123456789012", "abc123", "dev", "GET", "/" + "p".repeat(1601 - prefix.length()))
                .exceedsAuthorizationLimit());
        // Bytes, not characters: "é" is two.
        assertTrue(MethodArn.of("us-east-1", "123456789012", "abc123", "dev", "GET", "/" + "é".repeat(800)).exceedsAuthorizationLimit());
    }
}
