package dev.gwemu.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.model.Api;
import dev.gwemu.model.IntegrationResponse;
import dev.gwemu.model.Method;
import dev.gwemu.model.Project;
import dev.gwemu.model.Resource;
import dev.gwemu.model.Stage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A REST API stage as {@code GET /restapis/{id}/stages/{stage}/exports/swagger} writes it: {@code swagger: "2.0"},
 * {@code info} (description, version, title, in that order), {@code host} {@code {apiId}.execute-api.{region}.amazonaws.com},
 * {@code basePath} {@code /{stage}}, {@code schemes: [https]}; per operation {@code consumes} (the request model's and
 * the request templates' content types) and {@code produces} (the response models' and the response templates'),
 * parameters typed string with {@code required} always written, the body as a parameter named after its model, and
 * {@code securityDefinitions} before {@code definitions} (LocalStack's AWS-validated snapshot
 * {@code test_export_swagger_openapi}; AWS's "OpenAPI definitions of the sample API as an Amazon S3 proxy").
 */
final class SwaggerExporter extends RestApiExporter {
    SwaggerExporter(Project project, Api api, Stage stage, ExportExtensions extensions, DefinitionSource source) {
        super(project, api, stage, extensions, source);
    }

    @Override
    protected ExportFormat format() {
        return ExportFormat.SWAGGER;
    }

    @Override
    protected void head(ObjectNode root) {
        root.put("swagger", "2.0");
        ObjectNode info = root.putObject("info");
        if (source.description() != null) {
            info.put("description", source.description());
        }
        info.put("version", source.version(DefinitionSource.REST_DATE));
        info.put("title", api.name());
        root.put("host", host());
        root.put("basePath", "/" + stage.name());
        root.putArray("schemes").add("https");
    }

    @Override
    protected void request(ObjectNode operation, Resource resource, Method method, List<Parameter> parameters, Body body,
                           List<Body> responseBodies) {
        Set<String> consumes = new LinkedHashSet<>();
        if (body != null) {
            consumes.add(body.contentType());
        }
        consumes.addAll(method.integration().requestTemplates().keySet());
        Set<String> produces = new LinkedHashSet<>();
        responseBodies.forEach(b -> produces.add(b.contentType()));
        for (IntegrationResponse response : method.integration().responses()) {
            produces.addAll(response.responseTemplates().keySet());
        }
        if (!consumes.isEmpty()) {
            consumes.forEach(operation.putArray("consumes")::add);
        }
        if (!produces.isEmpty()) {
            produces.forEach(operation.putArray("produces")::add);
        }
        if (parameters.isEmpty() && body == null) {
            return;
        }
        ArrayNode list = operation.putArray("parameters");
        for (Parameter parameter : parameters) {
            ObjectNode out = list.addObject();
            out.put("name", parameter.name());
            out.put("in", parameter.in());
            out.put("required", parameter.required() || parameter.in().equals("path"));
            out.put("type", "string");
        }
        if (body != null) {
            ObjectNode out = list.addObject();
            out.put("in", "body");
            String model = body.schema().has("$ref") ? ModelReferences.model(body.schema().get("$ref").asText()) : null;
            out.put("name", model != null ? model : "body");
            out.put("required", true);
            out.set("schema", body.schema());
        }
    }

    @Override
    protected ObjectNode response(String status, List<String> headers, Body body) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("description", status + " response");
        if (body != null) {
            response.set("schema", body.schema());
        }
        if (!headers.isEmpty()) {
            ObjectNode out = response.putObject("headers");
            headers.forEach(name -> out.putObject(name).put("type", "string"));
        }
        return response;
    }

    @Override
    protected void tail(ObjectNode root, ObjectNode securitySchemes, ObjectNode models) {
        if (!securitySchemes.isEmpty()) {
            root.set("securityDefinitions", securitySchemes);
        }
        if (!models.isEmpty()) {
            root.set("definitions", models);
        }
        ObjectNode endpoint = extensions.apiLevel() ? ApiLevelExtensions.endpointConfiguration(api) : null;
        if (endpoint != null) {
            root.set("x-amazon-apigateway-endpoint-configuration", endpoint); // Swagger 2: at the root
        }
    }
}
