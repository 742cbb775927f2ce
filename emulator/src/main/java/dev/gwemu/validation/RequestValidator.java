package dev.gwemu.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One method's validation, compiled at load; immutable and safe to use from many threads. */
public final class RequestValidator {
    private final RequiredParameters parameters; // null when parameters are not validated
    private final BodyModels body; // null when the body is not validated

    private RequestValidator(RequiredParameters parameters, BodyModels body) {
        this.parameters = parameters;
        this.body = body;
    }

    /**
     * @param validateBody       the validator's validateRequestBody
     * @param validateParameters the validator's validateRequestParameters
     * @param requestParameters  the method's requestParameters: "method.request.path.petId" /
     *                           "method.request.querystring.q" / "method.request.header.X-Key" (also
     *                           multivaluequerystring / multivalueheader) -> required?
     * @param requestModels      content type (e.g. "application/json", maybe "$default") -> model name
     * @throws ModelException when a model name is unknown
     */
    public static RequestValidator compile(boolean validateBody, boolean validateParameters,
                                           Map<String, Boolean> requestParameters,
                                           Map<String, String> requestModels, Models models) {
        // Unknown model names are load errors even when the body is not validated, as AWS refuses such a method.
        BodyModels bodyModels = BodyModels.of(requestModels == null ? Map.of() : requestModels, models);
        return new RequestValidator(
                validateParameters
                        ? RequiredParameters.of(requestParameters == null ? Map.of() : requestParameters) : null,
                validateBody ? bodyModels : null);
    }

    /**
     * @param pathParameters path parameters of the matched route; query: all values per name; headers: name as sent
     *                       by the client, all values
     * @param contentType    the request Content-Type header value as sent (may carry "; charset=..."), or null
     * @param body           the request body bytes (empty array when none)
     * @return empty when the request passes
     */
    public Optional<ValidationFailure> validate(Map<String, String> pathParameters, Map<String, List<String>> query,
                                                Map<String, List<String>> headers, String contentType, byte[] body) {
        // §7 / §0 step 5: parameters first, then the body
        if (parameters != null) {
            Optional<String> missing = parameters.missing(pathParameters, query, headers);
            if (missing.isPresent()) {
                return missing.map(ValidationFailure::parameters);
            }
        }
        return this.body == null ? Optional.empty() : this.body.validate(contentType, body);
    }
}
