package dev.gwemu.cache;

import dev.gwemu.pipeline.HeaderList;

/** Whether a client's {@code Cache-Control: max-age=0} is honoured (security-and-operations.md §6 [doc]). */
final class InvalidationRule {
    /**
     * [unc] §6: SUCCEED_WITH_RESPONSE_HEADER adds a warning whose name and value AWS does not document; an RFC 7234
     * {@code Warning: 199} (miscellaneous warning) is the spec's suggested guess.
     */
    static final HeaderList.Header UNAUTHORIZED_WARNING = new HeaderList.Header("Warning",
            "199 - \"Cache-Control: max-age=0 ignored: not authorized to invalidate the cache\"");

    enum Outcome {
        /** No invalidation asked for. */
        NONE,
        /** Fetch from the integration and replace the entry. */
        INVALIDATE,
        /** Refuse with 403. */
        REJECT,
        /** Serve normally and add {@link #UNAUTHORIZED_WARNING}. */
        IGNORE_WITH_WARNING,
        /** Serve normally. */
        IGNORE
    }

    private InvalidationRule() {
    }

    static Outcome decide(boolean requested, MethodCacheSettings method, boolean authorised) {
        if (!requested) {
            return Outcome.NONE;
        }
        if (!method.requireAuthorizationForCacheControl() || authorised) {
            return Outcome.INVALIDATE;
        }
        return switch (method.unauthorizedCacheControlHeaderStrategy()) {
            case FAIL_WITH_403 -> Outcome.REJECT;
            case SUCCEED_WITH_RESPONSE_HEADER -> Outcome.IGNORE_WITH_WARNING;
            case SUCCEED_WITHOUT_RESPONSE_HEADER -> Outcome.IGNORE;
        };
    }
}
