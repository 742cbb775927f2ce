package dev.gwemu.server.tls;

/** A certificate or key that cannot be read, written or used; the message names the file and what is wrong. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
