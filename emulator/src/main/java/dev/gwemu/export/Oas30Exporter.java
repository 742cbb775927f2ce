package dev.gwemu.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.model.Api;
import dev.gwemu.model.Method;
import dev.gwemu.model.Project;
import dev.gwemu.model.Resource;
import dev.gwemu.model.Stage;

import java.util.List;

/**
 * A REST API stage as {@code GET /restapis/{id}/stages/{stage}/exports/oas30} writes it: {@code openapi: 3.0.1},
 * {@code info} (title, description, version), one server {@code https://{apiId}.execute-api.{region}.amazonaws.com/{basePath}}
 * whose {@code basePath} variable defaults to the stage name, parameters with {@code schema: {type: string}} (and
 * {@code required} only when true), a required {@code requestBody}, responses with {@code content: {}} when they have no
 * model, and {@code components} always present (LocalStack's AWS-validated snapshot {@code test_export_oas30_openapi}).
 */
final class Oas30Exporter extends RestApiExporter {
    Oas30Exporter(Project project, Api api, Stage stage, ExportExtensions extensions, DefinitionSource source) {
        super(project, api, stage, extensions, source);
    }

    @Override
    protected ExportFormat format() {
        return ExportFormat.OAS30;
    }

    @Override
    protected void head(ObjectNode root) {
        root.put("openapi", "3.0.1");
        ObjectNode info = root.putObject("info");
        info.put("title", api.name());
        if (source.description() != null) {
            info.put("description", source.description());
        }
        info.put("version", source.version(DefinitionSource.REST_DATE));
        ObjectNode server = root.putArray("servers").addObject();
        server.put("url", "https://" + host() + "/{basePath}");
        server.putObject("variables").putObject("basePath").put("default", stage.name());
        ObjectNode endpoint = extensions.apiLevel() ? ApiLevelExtensions.endpointConfiguration(api) : null;
        if (endpoint != null) {
            server.set("x-amazon-apigateway-endpoint-configuration", endpoint); // OpenAPI 3: on the server object
        }
    }

    @Override
    protected void request(ObjectNode operation, Resource resource, Method method, List<Parameter> parameters, Body body,
                           List<Body> responseBodies) {
        if (!parameters.isEmpty()) {
            ArrayNode list = operation.putArray("parameters");
            for (Parameter parameter : parameters) {
                ObjectNode out = list.addObject();
                out.put("name", parameter.name());
                out.put("in", parameter.in());
                if (parameter.required() || parameter.in().equals("path")) {
                    out.put("required", true);
                }
                out.putObject("schema").put("type", "string");
            }
        }
        if (body != null) {
            ObjectNode requestBody = operation.putObject("requestBody");
            requestBody.putObject("content").putObject(body.contentType()).set("schema", body.schema());
            requestBody.put("required", true);
        }
    }

    @Override
    protected ObjectNode response(String status, List<String> headers, Body body) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("description", status + " response");
        if (!headers.isEmpty()) {
            ObjectNode out = response.putObject("headers");
            headers.forEach(name -> out.putObject(name).putObject("schema").put("type", "string"));
        }
        ObjectNode content = response.putObject("content");
        if (body != null) {
            content.putObject(body.contentType()).set("schema", body.schema());
        }
        return response;
    }

    @Override
    protected void tail(ObjectNode root, ObjectNode securitySchemes, ObjectNode models) {
        ObjectNode components = root.putObject("components");
        if (!models.isEmpty()) {
            components.set("schemas", models);
        }
        if (!securitySchemes.isEmpty()) {
            components.set("securitySchemes", securitySchemes);
        }
    }
}
