package dev.gwemu.usage;

/**
 * An API key (security-and-operations.md §2.1). A key does nothing until it is enabled: AWS creates keys
 * with {@code enabled=false} when the flag is omitted [snap]; that default is the caller's to apply.
 *
 * @param id      the key's id, {@code $context.identity.apiKeyId}
 * @param name    the key's name, or null
 * @param value   what clients send in {@code X-API-Key}, 20-128 characters [snap]
 * @param enabled whether requests with it are accepted (§2.2 step 3)
 */
public record ApiKey(String id, String name, String value, boolean enabled) {
    /** §2.1 [snap]. */
    public static final int MIN_VALUE_LENGTH = 20;
    /** §2.1 [snap]. */
    public static final int MAX_VALUE_LENGTH = 128;
    /** §2.1 [snap]. */
    public static final int MAX_NAME_LENGTH = 1024;

    /** The messages of CreateApiKey's 400 answers, word for word (§2.1 [snap]). */
    static final String VALUE_TOO_SHORT = "API Key value should be at least 20 characters";
    static final String VALUE_TOO_LONG = "API Key value exceeds maximum size of 128 characters";
    static final String NAME_TOO_LONG = "Invalid API Key name, can be at most 1024 characters.";

    public ApiKey {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("API key id must not be empty");
        }
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(NAME_TOO_LONG);
        }
        if (value == null || value.length() < MIN_VALUE_LENGTH) {
            throw new IllegalArgumentException(VALUE_TOO_SHORT);
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(VALUE_TOO_LONG);
        }
    }

    /** The value is a secret: keep it out of logs and messages. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", enabled=" + enabled + "]";
    }
}
