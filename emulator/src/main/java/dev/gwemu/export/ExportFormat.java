package dev.gwemu.export;

import java.util.Locale;

/** The specification an export is written in: AWS's {@code exportType} ({@code oas30} or {@code swagger}). */
public enum ExportFormat {
    /** OpenAPI 3.0.1, REST and HTTP APIs. */
    OAS30,
    /** Swagger / OpenAPI 2.0, REST APIs only. */
    SWAGGER;

    /** {@code oas30} or {@code swagger}, as AWS's export types are spelled (any case). */
    public static ExportFormat parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "oas30" -> OAS30;
            case "swagger" -> SWAGGER;
            default -> throw new ExportException(ExportException.Reason.OPTION_NOT_SUPPORTED,
                    "the export format is oas30 or swagger, got '" + text + "'");
        };
    }
}
