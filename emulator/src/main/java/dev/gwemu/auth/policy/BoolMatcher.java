package dev.gwemu.auth.policy;

/** Bool condition values (aws:SecureTransport): true or false, spelled in any case. */
final class BoolMatcher implements ValueMatcher {
    private final boolean acceptsTrue;
    private final boolean acceptsFalse;

    BoolMatcher(boolean acceptsTrue, boolean acceptsFalse) {
        this.acceptsTrue = acceptsTrue;
        this.acceptsFalse = acceptsFalse;
    }

    @Override
    public boolean matchesAny(ContextKey key, RequestFacts facts) {
        String value = key.text(facts);
        return acceptsTrue && value.equalsIgnoreCase("true") || acceptsFalse && value.equalsIgnoreCase("false");
    }
}
