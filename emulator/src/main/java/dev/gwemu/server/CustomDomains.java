package dev.gwemu.server;

import dev.gwemu.model.DomainSpec;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;
import dev.gwemu.server.endpoint.ForbiddenResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Custom domain names (security-and-operations.md §5.4): a request whose Host is a domain goes to
 * the API stage of the longest base path mapping its path starts with, else the {@code (none)}
 * mapping, else 403 Forbidden. The base path is stripped for matching resources and kept in the
 * event's {@code path} and {@code requestContext.path}.
 */
final class CustomDomains {
    private record Mapping(String basePath, ApiDispatcher.ServedApi api, String stage) {
    }

    private final Map<String, List<Mapping>> byHost = new HashMap<>();

    CustomDomains(List<DomainSpec> domains, Map<String, ApiDispatcher.ServedApi> apisByName) {
        for (DomainSpec domain : domains) {
            List<Mapping> mappings = new ArrayList<>();
            for (DomainSpec.BasePathMapping m : domain.mappings()) {
                mappings.add(new Mapping(m.basePath(), apisByName.get(m.api()), m.stage()));
            }
            mappings.sort(Comparator.comparingInt((Mapping m) -> m.basePath().length()).reversed()); // longest first
            byHost.put(domain.name(), List.copyOf(mappings));
        }
    }

    /** The API stage a custom domain request goes to, or null when the Host is no custom domain. */
    Routed route(HttpRequest request) {
        if (byHost.isEmpty()) {
            return null;
        }
        String host = request.host().toLowerCase(Locale.ROOT);
        int colon = host.indexOf(':');
        List<Mapping> mappings = byHost.get(colon < 0 ? host : host.substring(0, colon));
        if (mappings == null) {
            return null;
        }
        String raw = request.rawPath();
        int start = 0;
        while (start < raw.length() && raw.charAt(start) == '/') {
            start++;
        }
        String rest = raw.substring(start); // "v1/pets/7"
        for (Mapping mapping : mappings) {
            String base = mapping.basePath();
            boolean matches = base.isEmpty() || rest.equals(base) || rest.startsWith(base + "/");
            if (!matches) {
                continue;
            }
            String after = base.isEmpty() ? rest : rest.substring(base.length());
            String stageName = mapping.stage();
            if (stageName == null) { // the caller names the stage as the next segment
                String trimmed = after.startsWith("/") ? after.substring(1) : after;
                int slash = trimmed.indexOf('/');
                stageName = slash < 0 ? trimmed : trimmed.substring(0, slash);
                after = slash < 0 ? "" : trimmed.substring(slash);
            }
            Stage stage = mapping.api().api().stages().get(stageName);
            if (stage == null) {
                throw ForbiddenResponse.because("API " + mapping.api().api().name() + " has no stage " + stageName);
            }
            String routing = after.isEmpty() ? "/" : after.startsWith("/") ? after : "/" + after;
            return new Routed(mapping.api(), stage, "/" + rest, routing);
        }
        throw ForbiddenResponse.because("no base path mapping of " + host + " takes this path"); // [obs]
    }

    /**
     * @param eventPath   the path with the base path, as the event's {@code path} and {@code requestContext.path} show it
     * @param routingPath the path after the base path (and stage), matched against resources
     */
    record Routed(ApiDispatcher.ServedApi api, Stage stage, String eventPath, String routingPath) {
        /** @param request the request as API Gateway received it (after the endpoint's network) */
        Invocation invocation(HttpRequest request, RequestIds ids) {
            return new Invocation(request, ids, api.api(), stage, eventPath, eventPath, routingPath);
        }
    }
}
