package dev.gwemu.record;

/** Why one line of a recording is not an exchange; the reader adds the file and line. */
public final class ExchangeFormatException extends RuntimeException {
    public ExchangeFormatException(String reason) {
        super(reason);
    }
}
