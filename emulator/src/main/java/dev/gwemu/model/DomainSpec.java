package dev.gwemu.model;

import java.util.List;

/**
 * A custom domain name with its base path mappings (security-and-operations.md §5.4).
 *
 * @param name     the host name requests arrive for, e.g. {@code api.example.test}
 * @param mappings base path to API stage
 */
public record DomainSpec(String name, List<BasePathMapping> mappings) {
    public DomainSpec {
        mappings = List.copyOf(mappings);
    }

    /**
     * @param basePath the path prefix without slashes at either end ({@code v1}, {@code orders/v1}); "" for the
     *                 root ({@code (none)})
     * @param api      the API's name in api.yaml
     * @param stage    the stage, or null when the caller names it as the next path segment
     */
    public record BasePathMapping(String basePath, String api, String stage) {
    }
}
