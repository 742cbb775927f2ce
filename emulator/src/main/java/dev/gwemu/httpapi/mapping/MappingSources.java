package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HttpRequest;

import java.util.Map;
import java.util.function.Function;

/**
 * What parameter mapping values read from: the request as the client sent it and what routing learnt about it.
 *
 * @param request        the client's request: headers, raw query string and body
 * @param path           what {@code $request.path} gives: the request path without the stage name
 *                       ("The request path, without the stage name", HTTP API parameter mapping docs)
 * @param pathParameters decoded path parameters of the matched route, for {@code $request.path.NAME}
 * @param stageVariables the stage's variables, for {@code $stageVariables.NAME}
 * @param context        resolves {@code $context.NAME} (for example {@code requestId},
 *                       {@code authorizer.claims.sub}); null when the variable is unknown
 */
public record MappingSources(HttpRequest request, String path, Map<String, String> pathParameters,
                             Map<String, String> stageVariables, Function<String, String> context) {
    public MappingSources {
        pathParameters = pathParameters == null ? Map.of() : pathParameters;
        stageVariables = stageVariables == null ? Map.of() : stageVariables;
        context = context == null ? name -> null : context;
    }
}
