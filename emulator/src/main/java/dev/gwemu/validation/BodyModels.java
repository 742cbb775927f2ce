package dev.gwemu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A method's request models by content type, and the body check against the one a request selects (§7). */
final class BodyModels {
    /** The requestModels key that applies to any content type without its own model (§7 [D]). */
    static final String DEFAULT_KEY = "$default";

    /**
     * A request without Content-Type selects the application/json model, as it selects the application/json
     * mapping template (§4.1 [D]). §7 is silent, but LocalStack's AWS-validated request-validator tests send bodiless
     * requests without Content-Type and get "Invalid request body" from an application/json model.
     */
    static final String MISSING_CONTENT_TYPE = "application/json";

    /**
     * §7 [E]: a method that declares no request model at all is validated against the built-in Empty model
     * (LocalStack #7846, "AWS uses the default Empty model"). A method that declares models, none of which applies
     * to the request's content type, does not validate the body (§7 [D]).
     */
    static final boolean EMPTY_MODEL_WITHOUT_REQUEST_MODELS = true;

    /**
     * [U] Bodies up to this size get every schema error in validationErrorString; larger ones only the first, so a
     * 10 MB array of wrong items cannot produce millions of error objects.
     */
    static final int ALL_ERRORS_MAX_BODY_BYTES = 64 * 1024;

    private final Map<String, CompiledModel> byMediaType;
    private final CompiledModel otherwise;

    private BodyModels(Map<String, CompiledModel> byMediaType, CompiledModel otherwise) {
        this.byMediaType = byMediaType;
        this.otherwise = otherwise;
    }

    /** @throws ModelException when a model name is unknown */
    static BodyModels of(Map<String, String> requestModels, Models models) {
        Map<String, CompiledModel> byMediaType = new HashMap<>();
        requestModels.forEach((contentType, name) -> {
            CompiledModel model = models.get(name);
            if (model == null) {
                throw new ModelException(String.valueOf(name),
                        "is not defined (the request model for " + contentType + ")");
            }
            byMediaType.put(contentType.equals(DEFAULT_KEY) ? DEFAULT_KEY : mediaType(contentType), model);
        });
        CompiledModel otherwise = byMediaType.get(DEFAULT_KEY);
        if (otherwise == null && byMediaType.isEmpty() && EMPTY_MODEL_WITHOUT_REQUEST_MODELS) {
            otherwise = models.get(BuiltInModels.EMPTY);
        }
        return new BodyModels(Map.copyOf(byMediaType), otherwise);
    }

    /** The body's failure against the model its content type selects; empty when it passes or no model applies. */
    Optional<ValidationFailure> validate(String contentType, byte[] body) {
        CompiledModel model = select(contentType);
        if (model == null) {
            return Optional.empty();
        }
        try {
            JsonNode instance = JsonBody.parse(body);
            boolean allErrors = body == null || body.length <= ALL_ERRORS_MAX_BODY_BYTES;
            return model.check(instance, allErrors).map(ValidationFailure::body);
        } catch (JsonBody.InvalidJson e) {
            // [U] AWS's detail for a body that is not JSON is not on record
            return Optional.of(ValidationFailure.body("[request body is not valid JSON: " + e.getMessage() + "]"));
        } catch (StackOverflowError e) {
            return Optional.of(ValidationFailure.body("[instance is nested too deeply to validate]"));
        } catch (RuntimeException e) {
            // A fault in the schema library must not escape as a 500: the body could not be shown valid.
            return Optional.of(ValidationFailure.body("[validation failed: " + e + "]"));
        }
    }

    CompiledModel select(String contentType) {
        String mediaType = contentType == null || contentType.isBlank()
                ? MISSING_CONTENT_TYPE : mediaType(contentType);
        CompiledModel model = byMediaType.get(mediaType);
        return model != null ? model : otherwise;
    }

    /** The MIME part, compared case-insensitively: "Application/JSON; charset=UTF-8" is application/json. */
    static String mediaType(String contentType) {
        return dev.gwemu.pipeline.MediaTypes.essence(contentType, "");
    }
}
