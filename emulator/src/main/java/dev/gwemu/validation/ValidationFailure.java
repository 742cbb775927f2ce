package dev.gwemu.validation;

/**
 * Why a request was refused: PARAMETERS becomes gateway response BAD_REQUEST_PARAMETERS, BODY becomes
 * BAD_REQUEST_BODY (§6.1), both 400.
 *
 * @param message               {@code $context.error.message}, e.g. {@code Invalid request body}
 * @param validationErrorString {@code $context.error.validationErrorString}: the detailed reason
 */
public record ValidationFailure(Kind kind, String message, String validationErrorString) {
    public enum Kind { PARAMETERS, BODY }

    /** §7 [V]: the message of every body failure. */
    static final String INVALID_BODY = "Invalid request body";

    static ValidationFailure parameters(String message) {
        // [U] AWS's validationErrorString for parameters is not recorded; the message is the best detail there is.
        return new ValidationFailure(Kind.PARAMETERS, message, message);
    }

    static ValidationFailure body(String details) {
        return new ValidationFailure(Kind.BODY, INVALID_BODY, details);
    }
}
