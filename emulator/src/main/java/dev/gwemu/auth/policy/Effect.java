package dev.gwemu.auth.policy;

/** A statement's Effect. */
enum Effect {
    ALLOW("Allow"), DENY("Deny");

    /**
     * Lambda authorizers are seen answering {@code "allow"} or {@code "DENY"} and API Gateway honouring them:
     * security-and-operations.md §3.3, Response contract, "case-insensitive in practice" [unc]. Set to false to
     * accept only {@code Allow} and {@code Deny} as the IAM grammar writes them. Resource policies share it.
     */
    static final boolean CASE_INSENSITIVE = true;

    private final String text;

    Effect(String text) {
        this.text = text;
    }

    /** @return the effect, or null when {@code text} is neither Allow nor Deny */
    static Effect parse(String text) {
        for (Effect effect : values()) {
            if (CASE_INSENSITIVE ? effect.text.equalsIgnoreCase(text) : effect.text.equals(text)) {
                return effect;
            }
        }
        return null;
    }
}
