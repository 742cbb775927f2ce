package dev.gwemu.server;

import dev.gwemu.model.DomainSpec;
import dev.gwemu.model.Stage;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RequestIds;

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

    /** The served API for a custom domain request, or null when the Host is no custom domain. */
    Routed route(HttpRequest request, RequestIds ids) {
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
                throw forbidden();
            }
            String routing = after.isEmpty() ? "/" : after.startsWith("/") ? after : "/" + after;
            String eventPath = "/" + rest;
            return new Routed(mapping.api(), new Invocation(request, ids, mapping.api().api(), stage, eventPath, eventPath,
                    routing));
        }
        throw forbidden().because("no base path mapping of " + host + " takes this path"); // [obs]
    }

    private static GatewayException forbidden() {
        return GatewayException.fixed(null, 403, "ForbiddenException", "{\"message\":\"Forbidden\"}");
    }

    record Routed(ApiDispatcher.ServedApi api, Invocation invocation) {
    }
}
