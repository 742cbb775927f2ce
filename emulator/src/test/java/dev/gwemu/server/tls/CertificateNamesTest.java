package dev.gwemu.server.tls;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which hosts a certificate covers, by the rules clients apply (RFC 6125 §6.4). */
class CertificateNamesTest {
    private static final CertificateNames NAMES = SelfSignedCertificate.create(
            List.of("api.example.test", "*.wild.test", "192.0.2.1", "2001:db8::1"), Instant.now()).names();

    @Test
    void aWildcardStandsForExactlyOneLeftmostLabel() {
        assertTrue(NAMES.covers("a.wild.test"));
        assertTrue(NAMES.covers("A.Wild.Test"));
        assertFalse(NAMES.covers("wild.test"));
        assertFalse(NAMES.covers("a.b.wild.test"));
        assertTrue(NAMES.covers("api.example.test"));
        assertFalse(NAMES.covers("www.api.example.test"));
        assertFalse(NAMES.covers("example.test"));
    }

    @Test
    void addressesMatchAddressEntriesWhateverTheirSpelling() {
        assertTrue(NAMES.covers("192.0.2.1"));
        assertTrue(NAMES.covers("2001:0db8:0:0:0:0:0:1"));
        assertTrue(NAMES.covers("[2001:db8::1]"));
        assertFalse(NAMES.covers("192.0.2.2"));
        assertFalse(NAMES.covers("::1"));
    }

    @Test
    void missingListsTheHostsNotCovered() {
        assertEquals(List.of("b.example.test", "127.0.0.1"), NAMES.missing(List.of("api.example.test", "b.example.test", "127.0.0.1")));
    }

    @Test
    void noWildcardStandsForAWholeTopLevelDomain() {
        assertEquals("*.example.test", CertificateNames.wildcardFor("api.example.test"));
        assertNull(CertificateNames.wildcardFor("example.test"), "*.test would be a whole top-level domain");
        assertNull(CertificateNames.wildcardFor("localhost"));
    }
}
