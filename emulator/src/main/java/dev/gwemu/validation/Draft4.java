package dev.gwemu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.DialectId;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.List;
import java.util.function.Function;

/** networknt json-schema-validator 2.x set up the way API Gateway treats models: JSON Schema draft 4, always. */
final class Draft4 {
    /**
     * §7 [U]: whether "format" is asserted. AWS's validation messages are those of a Java draft-4 validator that
     * asserts formats, and a "format: date" is reported to fail requests on AWS; networknt asserts the formats it
     * knows (date-time, email, hostname, ipv4, ipv6, uri, regex, date, uuid, ...) and ignores the others.
     */
    static final boolean FORMAT_ASSERTIONS = true;

    /**
     * Draft 4 whatever "$schema" a model declares (§7: models are draft 4). Keywords draft 4 does not know
     * (OpenAPI's nullable, example, discriminator, readOnly; later drafts' const, if, ...) are ignored, as draft 4
     * says, and quietly: the stock factory logs a warning for each one.
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft4())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();

    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(FORMAT_ASSERTIONS)
            .build();

    /** The draft-4 meta-schema, bundled in the library's jar; thread-safe once built. */
    private static final Schema META_SCHEMA = registry(url -> null).getSchema(SchemaLocation.of(DialectId.DRAFT_4));

    private Draft4() {
    }

    /** A registry that loads schemas by URL from {@code documents} (JSON text, null when unknown), never remotely. */
    static SchemaRegistry registry(Function<String, String> documents) {
        return SchemaRegistry.withDefaultDialect(DIALECT, builder -> builder
                .dialectRegistry(new BasicDialectRegistry(dialectId -> DIALECT))
                .schemaRegistryConfig(CONFIG)
                .schemaLoader(loader -> loader
                        .resourceLoaders(loaders -> loaders.resources(documents))
                        .fetchRemoteResources(false)));
    }

    /** What makes {@code schema} not a draft-4 schema, as networknt words it; empty when it is one. */
    static List<String> metaSchemaErrors(JsonNode schema) {
        return META_SCHEMA.validate(schema).stream().map(Error::toString).toList();
    }
}
