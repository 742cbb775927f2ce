package dev.gwemu.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwemu.pipeline.HeaderList;

import org.junit.jupiter.api.Test;

/** §6 [doc]: the client asks to invalidate with Cache-Control: max-age=0 ([unc] how leniently it is read). */
class CacheControlTest {
    private static boolean asks(String... namesAndValues) {
        HeaderList h = new HeaderList();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return CacheControl.requestsInvalidation(h);
    }

    @Test
    void maxAgeZeroInAnyUsualSpelling() {
        assertTrue(asks("Cache-Control", "max-age=0"));
        assertTrue(asks("cache-control", "no-cache, max-age=0"));
        assertTrue(asks("Cache-Control", "MAX-AGE = 0"));
        assertTrue(asks("Cache-Control", "max-age=\"0\""));
        assertTrue(asks("Cache-Control", "max-age=00"));
        assertTrue(asks("Cache-Control", "no-store", "Cache-Control", "max-age=0"));
    }

    @Test
    void otherDirectivesDoNotInvalidate() {
        assertFalse(asks());
        assertFalse(asks("Cache-Control", "no-cache"));
        assertFalse(asks("Cache-Control", "max-age=10"));
        assertFalse(asks("Cache-Control", "max-age="));
        assertFalse(asks("Cache-Control", "s-maxage=0"));
        assertFalse(asks("Pragma", "max-age=0"));
    }
}
