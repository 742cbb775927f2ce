package dev.gwemu.httpapi.mapping;

import com.jayway.jsonpath.JsonPath;

/**
 * One {@code $source} in a value expression, resolved against a request (and, for response mappings, the backend's
 * response). Immutable; resolving returns null when the source is missing.
 *
 * @param kind     which source
 * @param name     the header, query parameter, path parameter, context or stage variable name; null otherwise
 * @param bodyPath for body sources, the compiled JSONPath, or null for the whole body
 * @param text     the reference as written, for messages
 */
record ValueReference(Kind kind, String name, JsonPath bodyPath, String text) implements ValuePart {
    enum Kind {
        REQUEST_HEADER, REQUEST_QUERYSTRING, REQUEST_BODY, REQUEST_PATH, REQUEST_PATH_PARAMETER,
        RESPONSE_HEADER, RESPONSE_BODY, CONTEXT, STAGE_VARIABLE
    }

    String resolve(SourceValues values) {
        return switch (kind) {
            case REQUEST_HEADER -> values.requestHeader(name);
            case REQUEST_QUERYSTRING -> values.requestQueryParameter(name);
            case REQUEST_BODY -> values.requestBody().select(bodyPath);
            case REQUEST_PATH -> values.path();
            case REQUEST_PATH_PARAMETER -> values.pathParameter(name);
            case RESPONSE_HEADER -> values.responseHeader(name);
            case RESPONSE_BODY -> values.responseBody().select(bodyPath);
            case CONTEXT -> values.context(name);
            case STAGE_VARIABLE -> values.stageVariable(name);
        };
    }
}
