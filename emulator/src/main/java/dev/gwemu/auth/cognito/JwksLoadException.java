package dev.gwemu.auth.cognito;

/** A user pool's JWKS file cannot be read or holds no usable key; the message names the file. */
public final class JwksLoadException extends RuntimeException {
    public JwksLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
