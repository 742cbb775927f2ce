package dev.gwemu.mapping;

/**
 * A template that compiled but failed while rendering: a {@code $util} call on bad input (invalid JSON for
 * {@code parseJson}, invalid base64), an invalid JSONPath, an override set twice. API Gateway answers such a
 * request with a 5XX; the pipeline decides which.
 */
public final class TemplateRenderException extends RuntimeException {
    public TemplateRenderException(String message) {
        super(message);
    }

    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
