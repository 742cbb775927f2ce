package dev.gwemu.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.Project;
import dev.gwemu.model.Stage;

import java.util.List;

/**
 * Exports one stage of one API of a loaded project, as API Gateway's export does: REST APIs as
 * {@code aws apigateway get-export} (OpenAPI 3.0 or Swagger 2.0, with the extensions asked for), HTTP APIs as
 * {@code aws apigatewayv2 export-api --specification OAS30} (all extensions or none). Stage variables are left as
 * written; a canary's deployment is not exported, the stage's own is.
 */
public final class ApiExporter {
    private ApiExporter() {
    }

    /**
     * @param apiName    the API's name in api.yaml; null picks the project's only API
     * @param stageName  the stage; null picks the API's only stage
     * @param extensions what to include; null for API Gateway's default (none for REST APIs, all for HTTP APIs)
     * @throws ExportException when there is no such API or stage, the API's kind has no such export, or the API cannot
     *                         be written in the format
     */
    public static ObjectNode export(Project project, String apiName, String stageName, ExportFormat format,
                                    ExportExtensions extensions) {
        Api api = api(project, apiName);
        Stage stage = stage(api, stageName);
        if (api.type() == ApiType.WEBSOCKET) {
            throw new ExportException(ExportException.Reason.OPTION_NOT_SUPPORTED, "API " + api.name()
                    + " is a WebSocket API; API Gateway exports REST and HTTP APIs only");
        }
        DefinitionSource source = DefinitionSource.read(api.definition());
        return switch (api.type()) {
            case REST -> (format == ExportFormat.SWAGGER
                    ? new SwaggerExporter(project, api, stage, extensions == null ? ExportExtensions.NONE : extensions, source)
                    : new Oas30Exporter(project, api, stage, extensions == null ? ExportExtensions.NONE : extensions, source))
                    .export();
            case HTTP -> {
                if (format != ExportFormat.OAS30) {
                    throw new ExportException(ExportException.Reason.OPTION_NOT_SUPPORTED, "API " + api.name()
                            + " is an HTTP API; HTTP APIs export as OpenAPI 3.0 only (oas30), not " + format.name().toLowerCase());
                }
                if (extensions != null && !extensions.all() && !extensions.none()) {
                    throw new ExportException(ExportException.Reason.OPTION_NOT_SUPPORTED, "API " + api.name()
                            + " is an HTTP API; its export carries all API Gateway extensions or none"
                            + " (extensions apigateway or none), not a part of them");
                }
                yield new HttpApiExporter(project, api, stage, extensions == null || extensions.all(), source).export();
            }
            case WEBSOCKET -> throw new IllegalStateException("refused above");
        };
    }

    private static Api api(Project project, String name) {
        List<String> names = project.apis().stream().map(Api::name).toList();
        if (name == null) {
            if (project.apis().size() == 1) {
                return project.apis().get(0);
            }
            throw new ExportException(ExportException.Reason.NOT_FOUND, project.file().getFileName() + " has "
                    + names.size() + " APIs; name one with --api (" + String.join(", ", names) + ")");
        }
        return project.apis().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new ExportException(ExportException.Reason.NOT_FOUND, project.file().getFileName()
                        + " has no API named '" + name + "'; its APIs: " + String.join(", ", names)));
    }

    private static Stage stage(Api api, String name) {
        List<String> names = List.copyOf(api.stages().keySet());
        if (name == null) {
            if (names.size() == 1) {
                return api.stages().get(names.get(0));
            }
            throw new ExportException(ExportException.Reason.NOT_FOUND, "API " + api.name() + " has " + names.size()
                    + " stages; name one with --stage (" + String.join(", ", names) + ")");
        }
        Stage stage = api.stages().get(name);
        if (stage == null) {
            throw new ExportException(ExportException.Reason.NOT_FOUND, "API " + api.name() + " has no stage '" + name
                    + "'; its stages: " + String.join(", ", names));
        }
        return stage;
    }
}
