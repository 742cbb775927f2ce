package dev.gwemu.usage;

import java.util.Objects;

/**
 * The usage step's answer for one request: the outcome, why, and the API key once it was validated (for
 * {@code $context.identity.apiKey} and {@code apiKeyId}, which are set only when a key was validated, §2.2 step 4
 * [snap]).
 *
 * @param reason why; it decides the {@link #outcome()}
 * @param apiKey the validated key, or null when none was required or it was refused
 */
public record UsageDecision(Reason reason, ApiKey apiKey) {
    /** Why the step answered as it did; also the text of the console line. */
    public enum Reason {
        NO_KEY_REQUIRED(UsageOutcome.OK, "no API key required"),
        KEY_ACCEPTED(UsageOutcome.OK, "API key accepted"),
        /** §2.2 step 1. */
        MISSING_KEY(UsageOutcome.FORBIDDEN, "no API key"),
        /** §2.2 step 2: no key has this value at all. */
        UNKNOWN_KEY(UsageOutcome.FORBIDDEN, "unknown API key"),
        /** §2.2 step 2: the key exists but no plan of this API stage has it (or the stage is in no plan). */
        KEY_NOT_IN_STAGE_PLAN(UsageOutcome.FORBIDDEN, "API key in no usage plan of this stage"),
        /** §2.2 step 3 [snap]. */
        KEY_DISABLED(UsageOutcome.FORBIDDEN, "API key disabled"),
        /** §2.3, §2.5 step 6. */
        THROTTLED(UsageOutcome.THROTTLED, "throttled"),
        /** §2.3, §2.5 step 7. */
        QUOTA_EXCEEDED(UsageOutcome.QUOTA_EXCEEDED, "usage plan quota exceeded");

        private final UsageOutcome outcome;
        private final String text;

        Reason(UsageOutcome outcome, String text) {
            this.outcome = outcome;
            this.text = text;
        }

        public UsageOutcome outcome() {
            return outcome;
        }

        public String text() {
            return text;
        }
    }

    static final UsageDecision NO_KEY_REQUIRED = new UsageDecision(Reason.NO_KEY_REQUIRED, null);
    static final UsageDecision THROTTLED_WITHOUT_KEY = new UsageDecision(Reason.THROTTLED, null);
    static final UsageDecision MISSING_KEY = new UsageDecision(Reason.MISSING_KEY, null);
    static final UsageDecision UNKNOWN_KEY = new UsageDecision(Reason.UNKNOWN_KEY, null);
    static final UsageDecision KEY_NOT_IN_STAGE_PLAN = new UsageDecision(Reason.KEY_NOT_IN_STAGE_PLAN, null);
    static final UsageDecision KEY_DISABLED = new UsageDecision(Reason.KEY_DISABLED, null);

    public UsageDecision {
        Objects.requireNonNull(reason, "reason");
    }

    public UsageOutcome outcome() {
        return reason.outcome();
    }

    public boolean isOk() {
        return reason.outcome() == UsageOutcome.OK;
    }

    /** {@code $context.identity.apiKeyId}, or null. */
    public String apiKeyId() {
        return apiKey == null ? null : apiKey.id();
    }

    /** {@code $context.identity.apiKey}, or null. */
    public String apiKeyValue() {
        return apiKey == null ? null : apiKey.value();
    }
}
