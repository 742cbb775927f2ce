package dev.gwemu.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A custom domain name with its base path mappings (security-and-operations.md §5.4).
 *
 * @param name        the host name requests arrive for, e.g. {@code api.example.test}
 * @param mappings    base path to API stage
 * @param certificate the PEM certificate chain served for this name over TLS (SNI), or null to be
 *                    covered by the default certificate
 * @param key         the PEM private key of {@code certificate}; null exactly when it is
 */
public record DomainSpec(String name, List<BasePathMapping> mappings, Path certificate, Path key) {
    public DomainSpec {
        mappings = List.copyOf(mappings);
        if ((certificate == null) != (key == null)) {
            throw new IllegalArgumentException("a domain's certificate and key come together");
        }
    }

    /** A domain served with the default certificate. */
    public DomainSpec(String name, List<BasePathMapping> mappings) {
        this(name, mappings, null, null);
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
