package dev.gwemu.auth.cognito;

/** An issuer's JWKS (or the document naming it) could not be fetched: a setup problem, not a bad token. */
public final class KeysUnavailableException extends Exception {
    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
