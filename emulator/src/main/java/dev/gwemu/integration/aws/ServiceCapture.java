package dev.gwemu.integration.aws;

/** How the capture backend answers one service's actions, shaped as the real service answers them. */
interface ServiceCapture {
    /**
     * The answer to a call of one of the actions {@link CaptureBackend#captured()} lists for the service (or of
     * none, when {@link #answersUnnamedCalls()}).
     */
    ServiceAnswer answer(ServiceCall call, CaptureContext context);

    /**
     * Whether a call whose action cannot be named gets the service's own error: a query-protocol request without
     * {@code Action} is the service's 400 {@code MissingAction} [D] (AWS common errors), not gwemu's 500.
     */
    default boolean answersUnnamedCalls() {
        return false;
    }
}
