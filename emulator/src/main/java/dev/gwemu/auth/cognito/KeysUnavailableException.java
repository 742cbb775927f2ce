package dev.gwemu.auth.cognito;

/** A pool's JWKS could not be fetched: a setup problem, not a bad token. */
final class KeysUnavailableException extends Exception {
    KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
