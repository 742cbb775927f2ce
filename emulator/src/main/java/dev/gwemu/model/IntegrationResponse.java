package dev.gwemu.model;

import dev.gwemu.mapping.ParameterSource;
import dev.gwemu.mapping.VtlTemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One integration response of a non-proxy integration (data-plane.md §4.2).
 *
 * @param selectionPattern   matched against the whole Lambda error message, backend status or MOCK status; null
 *                           for the default response
 * @param statusCode         the method response status it selects
 * @param responseParameters {@code method.response.header.NAME} to its source
 * @param responseTemplates  content type (chosen by the request's Accept) to mapping template
 * @param contentHandling    CONVERT_TO_TEXT / CONVERT_TO_BINARY, or null
 */
public record IntegrationResponse(Pattern selectionPattern, String statusCode, Map<String, ParameterSource> responseParameters,
                                  Map<String, VtlTemplate> responseTemplates, ContentHandling contentHandling) {
    public IntegrationResponse {
        responseParameters = Collections.unmodifiableMap(new LinkedHashMap<>(responseParameters));
        responseTemplates = Collections.unmodifiableMap(new LinkedHashMap<>(responseTemplates));
    }

    public boolean isDefault() {
        return selectionPattern == null;
    }
}
