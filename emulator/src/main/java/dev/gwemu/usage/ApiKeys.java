package dev.gwemu.usage;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The API keys of one gateway (one account and region), fixed at load: O(1) lookup by value and by id.
 * Values are unique [doc] (§2.1); a value that is absent or empty is generated [snap].
 */
public final class ApiKeys {
    /** AWS generates 40-character values (§2.1 [snap]). */
    public static final int GENERATED_VALUE_LENGTH = 40;
    /** [unc] §2.1 shows only the length; AWS's generated values are seen to be letters and digits. */
    static final String VALUE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** [unc] Key ids, when the caller has none: 10 lowercase letters and digits, like AWS's. */
    static final int GENERATED_ID_LENGTH = 10;
    static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static final ApiKeys NONE = new ApiKeys(List.of());

    private final List<ApiKey> all;
    private final Map<String, ApiKey> byValue;
    private final Map<String, ApiKey> byId;

    private ApiKeys(List<ApiKey> keys) {
        all = List.copyOf(keys);
        int capacity = Math.max(16, keys.size() * 4 / 3 + 1);
        Map<String, ApiKey> values = new HashMap<>(capacity);
        Map<String, ApiKey> ids = new HashMap<>(capacity);
        for (ApiKey key : keys) {
            ApiKey sameId = ids.putIfAbsent(key.id(), key);
            if (sameId != null) {
                throw new IllegalArgumentException("API key id '" + key.id() + "' is used by two keys");
            }
            ApiKey sameValue = values.putIfAbsent(key.value(), key);
            if (sameValue != null) {
                // Never echo the value: it is a secret.
                throw new IllegalArgumentException("API key values must be unique: " + label(key)
                        + " has the same value as " + label(sameValue));
            }
        }
        byValue = values;
        byId = ids;
    }

    /** The registry of ready-made keys; throws {@link IllegalArgumentException} on a duplicate id or value. */
    public static ApiKeys of(Collection<ApiKey> keys) {
        return new ApiKeys(new ArrayList<>(keys));
    }

    /** A builder that generates missing values (and ids) with a {@link SecureRandom}. */
    public static Builder builder() {
        return new Builder(new SecureRandom());
    }

    /** A builder that generates with {@code random}: seeded, it makes the same values every time (tests). */
    public static Builder builder(Random random) {
        return new Builder(random);
    }

    /** The key with this value, or null (also for a null value). */
    public ApiKey byValue(String value) {
        return value == null ? null : byValue.get(value);
    }

    /** The key with this id, or null. */
    public ApiKey byId(String id) {
        return id == null ? null : byId.get(id);
    }

    /** Every key, in the order they were added. */
    public List<ApiKey> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    /** A new 40-character value of letters and digits. */
    public static String generateValue(Random random) {
        return generate(random, VALUE_ALPHABET, GENERATED_VALUE_LENGTH);
    }

    static String generate(Random random, String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    private static String label(ApiKey key) {
        return key.name() != null ? "API key '" + key.name() + "'" : "API key with id '" + key.id() + "'";
    }

    /**
     * Collects keys one by one, so that each mistake ({@link IllegalArgumentException} from {@link #add}) can be
     * reported against the entry that made it.
     */
    public static final class Builder {
        private final Random random;
        private final List<ApiKey> keys = new ArrayList<>();
        private final Map<String, ApiKey> values = new HashMap<>();
        private final Map<String, ApiKey> ids = new HashMap<>();

        private Builder(Random random) {
            this.random = Objects.requireNonNull(random);
        }

        /**
         * Adds a key.
         *
         * @param id      the key's id; null generates one
         * @param name    the key's name, or null
         * @param value   the key's value; null or empty generates one (§2.1 [snap])
         * @param enabled whether it is enabled
         * @return the key as added, with any generated id and value
         * @throws IllegalArgumentException with AWS's message for a value outside 20-128 characters or a name over
         *                                  1024 (§2.1 [snap]), or when the id or value is already taken
         */
        public ApiKey add(String id, String name, String value, boolean enabled) {
            if (id == null) {
                do {
                    id = generate(random, ID_ALPHABET, GENERATED_ID_LENGTH);
                } while (ids.containsKey(id));
            }
            if (value == null || value.isEmpty()) {
                do {
                    value = generateValue(random);
                } while (values.containsKey(value));
            }
            ApiKey key = new ApiKey(id, name, value, enabled);
            if (ids.containsKey(id)) {
                throw new IllegalArgumentException("API key id '" + id + "' is used by two keys");
            }
            ApiKey sameValue = values.get(value);
            if (sameValue != null) {
                throw new IllegalArgumentException("API key values must be unique: " + label(key)
                        + " has the same value as " + label(sameValue));
            }
            ids.put(id, key);
            values.put(value, key);
            keys.add(key);
            return key;
        }

        public ApiKeys build() {
            return new ApiKeys(Collections.unmodifiableList(keys));
        }
    }
}
