package dev.gwemu.auth.policy;

/**
 * One condition's policy values, compiled for its operator family. The values are OR'd: the test holds when the
 * request's value for the key matches any of them (IAM User Guide, "Conditions with multiple context keys or
 * values"). The key is known to be present when this is asked.
 */
interface ValueMatcher {
    boolean matchesAny(ContextKey key, RequestFacts facts);
}
