package dev.gwemu.export;

/** Why an API cannot be exported as asked; the message says it in a sentence. */
public final class ExportException extends RuntimeException {
    /** What went wrong, so a caller can tell a wrong request from an API that cannot be exported. */
    public enum Reason {
        /** The project has no such API, or the API no such stage (AWS: NotFoundException). */
        NOT_FOUND,
        /** A format or extension the API's kind has no export for. */
        OPTION_NOT_SUPPORTED,
        /** The API itself cannot be written in the format (AWS: BadRequestException), e.g. non-JSON body models. */
        NOT_EXPORTABLE
    }

    private final Reason reason;

    public ExportException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
