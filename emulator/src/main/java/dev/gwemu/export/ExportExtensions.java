package dev.gwemu.export;

import java.util.Locale;

/**
 * Which {@code x-amazon-apigateway-*} extensions an export carries: AWS's {@code extensions} export parameter.
 * {@code integrations} adds {@code x-amazon-apigateway-integration}; {@code authorizers} adds
 * {@code x-amazon-apigateway-authorizer} and {@code -authtype}; {@code apigateway} adds both and the API-level
 * extensions (validators, gateway responses, binary media types, policy, ...). Values combine with commas.
 *
 * @param integrations each method's integration
 * @param authorizers  the authorizers behind the security schemes
 * @param apiLevel     the API-wide extensions only {@code apigateway} brings
 */
public record ExportExtensions(boolean integrations, boolean authorizers, boolean apiLevel) {
    public static final ExportExtensions NONE = new ExportExtensions(false, false, false);
    public static final ExportExtensions ALL = new ExportExtensions(true, true, true);

    /** {@code none}, {@code integrations}, {@code authorizers}, {@code apigateway}, or several joined by commas. */
    public static ExportExtensions parse(String text) {
        boolean integrations = false;
        boolean authorizers = false;
        boolean apiLevel = false;
        for (String part : (text == null ? "" : text).split(",")) {
            switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "none", "" -> { }
                case "integrations" -> integrations = true;
                case "authorizers" -> authorizers = true;
                case "apigateway" -> {
                    integrations = true;
                    authorizers = true;
                    apiLevel = true;
                }
                case "postman" -> throw new ExportException(ExportException.Reason.OPTION_NOT_SUPPORTED,
                        "extensions=postman (Postman's own extensions) is not supported yet; use integrations, authorizers,"
                                + " apigateway or none");
                default -> throw new ExportException(ExportException.Reason.OPTION_NOT_SUPPORTED,
                        "unknown extensions value '" + part.trim() + "'; use integrations, authorizers, apigateway or none");
            }
        }
        return new ExportExtensions(integrations, authorizers, apiLevel);
    }

    /** True for {@link #ALL}: what an HTTP API export with {@code --include-extensions} carries. */
    public boolean all() {
        return integrations && authorizers && apiLevel;
    }

    /** True for {@link #NONE}. */
    public boolean none() {
        return !integrations && !authorizers && !apiLevel;
    }
}
