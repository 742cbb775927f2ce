package dev.gwemu.usage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API key registry and values, security-and-operations.md §2.1. */
class ApiKeysTest {
    private static final String VALUE_20 = "abcdefghij0123456789";

    @Test
    void missingOrEmptyValueIsGenerated40AlphanumericCharacters() {
        ApiKeys.Builder b = ApiKeys.builder(new Random(1));
        ApiKey absent = b.add("k1", "first", null, true);
        ApiKey empty = b.add("k2", "second", "", true);
        for (ApiKey k : List.of(absent, empty)) {
            assertEquals(40, k.value().length());
            assertTrue(k.value().matches("[A-Za-z0-9]{40}"), k.value());
        }
        assertNotEquals(absent.value(), empty.value());
    }

    @Test
    void generationIsDeterministicWithASeededRandom() {
        ApiKey a = ApiKeys.builder(new Random(42)).add(null, "n", null, false);
        ApiKey b = ApiKeys.builder(new Random(42)).add(null, "n", null, false);
        assertEquals(a, b);
        assertTrue(a.id().matches("[a-z0-9]{10}"), a.id());
    }

    @Test
    void givenValuesMustBe20To128CharactersWithAwsMessages() {
        ApiKeys.Builder b = ApiKeys.builder(new Random(1));
        IllegalArgumentException shortValue = assertThrows(IllegalArgumentException.class,
                () -> b.add("k1", "n", VALUE_20.substring(1), true));
        assertEquals("API Key value should be at least 20 characters", shortValue.getMessage());
        IllegalArgumentException longValue = assertThrows(IllegalArgumentException.class,
                () -> b.add("k2", "n", "x".repeat(129), true));
        assertEquals("API Key value exceeds maximum size of 128 characters", longValue.getMessage());
        IllegalArgumentException longName = assertThrows(IllegalArgumentException.class,
                () -> b.add("k3", "n".repeat(1025), VALUE_20, true));
        assertEquals("Invalid API Key name, can be at most 1024 characters.", longName.getMessage());
        assertEquals(VALUE_20, b.add("k4", "n".repeat(1024), VALUE_20, true).value());
        assertEquals(128, b.add("k5", null, "y".repeat(128), true).value().length());
        assertEquals(2, b.build().size());
    }

    @Test
    void valuesAndIdsAreUnique() {
        ApiKeys.Builder b = ApiKeys.builder(new Random(1));
        b.add("k1", "first", VALUE_20, true);
        IllegalArgumentException sameValue = assertThrows(IllegalArgumentException.class,
                () -> b.add("k2", "second", VALUE_20, true));
        assertEquals("API key values must be unique: API key 'second' has the same value as API key 'first'",
                sameValue.getMessage());
        assertFalse(sameValue.getMessage().contains(VALUE_20), "the value is a secret");
        assertThrows(IllegalArgumentException.class, () -> b.add("k1", "third", null, true));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.of(List.of(
                new ApiKey("k1", null, VALUE_20, true), new ApiKey("k2", null, VALUE_20, true))));
    }

    @Test
    void toStringKeepsTheValueOut() {
        assertFalse(new ApiKey("k1", "n", VALUE_20, true).toString().contains(VALUE_20));
    }

    @Test
    void tenThousandKeysAreFoundByValueAndId() {
        ApiKeys.Builder b = ApiKeys.builder(new Random(7));
        List<ApiKey> added = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            added.add(b.add("id" + i, "key" + i, null, i % 2 == 0));
        }
        ApiKeys keys = b.build();
        assertEquals(10_000, keys.size());
        Set<String> values = new HashSet<>();
        for (ApiKey k : added) {
            assertSame(k, keys.byValue(k.value()));
            assertSame(k, keys.byId(k.id()));
            values.add(k.value());
        }
        assertEquals(10_000, values.size());
        assertEquals(added, keys.all());
        assertNull(keys.byValue("A".repeat(40)));
        assertNull(keys.byValue(null));
        assertNull(keys.byId("nope"));
    }
}
