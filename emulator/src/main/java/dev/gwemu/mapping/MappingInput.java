package dev.gwemu.mapping;

import java.util.List;
import java.util.Map;

/**
 * What a template or a parameter mapping can see of the request. Null maps are taken as empty.
 *
 * @param body           the payload as text (binary payloads arrive already base64 text), or null when the request had none
 * @param path           path parameters (decoded), e.g. {petId=42}
 * @param query          query string parameters, each with all its values in order
 * @param headers        request headers, name as the client spelled it, all values in order
 * @param context        the $context tree: String keys to String / Number / Boolean / nested Map values
 *                       (requestId, identity.sourceIp, authorizer..., error...)
 * @param stageVariables the stage's variables (empty map when none)
 */
public record MappingInput(String body, Map<String, String> path, Map<String, List<String>> query,
                           Map<String, List<String>> headers, Map<String, Object> context, Map<String, String> stageVariables) {
    public MappingInput {
        path = path == null ? Map.of() : path;
        query = query == null ? Map.of() : query;
        headers = headers == null ? Map.of() : headers;
        context = context == null ? Map.of() : context;
        stageVariables = stageVariables == null ? Map.of() : stageVariables;
    }

    /** The same request with another body: a response template sees the integration's body. */
    public MappingInput withBody(String newBody) {
        return new MappingInput(newBody, path, query, headers, context, stageVariables);
    }
}
