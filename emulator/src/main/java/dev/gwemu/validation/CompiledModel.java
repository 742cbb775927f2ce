package dev.gwemu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.util.List;
import java.util.Optional;

/** One model ready to validate instances; immutable, used from many threads. */
final class CompiledModel {
    private final String name;
    private final String url;
    private final Schema schema;
    private final SchemaDocuments documents;

    CompiledModel(String name, String url, Schema schema, SchemaDocuments documents) {
        this.name = name;
        this.url = url;
        this.schema = schema;
        this.documents = documents;
    }

    String name() {
        return name;
    }

    /**
     * The instance's schema errors as a validationErrorString, or empty when it is valid.
     *
     * @param allErrors false to stop at the first error (for large instances, whose error list could be huge)
     */
    Optional<String> check(JsonNode instance, boolean allErrors) {
        List<Error> errors = allErrors
                ? schema.validate(instance)
                : schema.validate(instance, context -> context.executionConfig(config -> config.failFast(true)));
        return errors.isEmpty() ? Optional.empty() : Optional.of(ErrorMessages.format(errors, url, documents));
    }
}
