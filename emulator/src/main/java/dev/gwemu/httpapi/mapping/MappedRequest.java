package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HeaderList;

import java.util.List;
import java.util.Map;

/**
 * The integration request after {@code requestParameters}: what to send the backend (or write into the Lambda event)
 * in place of the client's headers, query string and path.
 *
 * @param headers         the client's header lines with the mappings applied (a copy; the client's are untouched)
 * @param queryParameters decoded query parameters, name to values in order, with the mappings applied
 * @param rawQuery        the query string to send: the client's own when no query mapping changed anything,
 *                        else {@code queryParameters} re-encoded; "" when there is none
 * @param path            the {@code overwrite:path} value, or null when the path is not overwritten
 */
public record MappedRequest(HeaderList headers, Map<String, List<String>> queryParameters, String rawQuery,
                            String path) {
}
