package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.Api;
import dev.gwemu.model.DomainSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads api.yaml's {@code domains} and checks their mappings (security-and-operations.md §5.4) and the
 * optional {@code certificate} and {@code key} each domain is served with over TLS.
 */
final class DomainsReader {
    private static final Pattern BASE_PATH = Pattern.compile("[a-zA-Z0-9$\\-_.+!*'()/]{1,300}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Set<String> DOMAIN_KEYS = Set.of("name", "basePathMappings", "certificate", "key");

    private DomainsReader() {
    }

    static List<DomainSpec> read(JsonNode node, Map<String, Api> apis, SourceLines lines, List<Problem> problems) {
        List<DomainSpec> domains = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/domains/" + i;
            JsonNode domain = node.get(i);
            // A misspelt "certificate" would otherwise serve the default certificate without a word.
            KnownKeys.check(domain, at, DOMAIN_KEYS, (pointer, message) -> problems.add(lines.problem(pointer, message)));
            String name = domain.path("name").asText("").toLowerCase(Locale.ROOT);
            if (!HOST.matcher(name).matches()) {
                problems.add(lines.problem(at + "/name", "a domain name is a host name like api.example.test, got '" + name + "'"));
                continue;
            }
            if (!names.add(name)) {
                problems.add(lines.problem(at + "/name", "two domains are named '" + name + "'"));
            }
            List<DomainSpec.BasePathMapping> mappings = new ArrayList<>();
            Set<String> basePaths = new HashSet<>();
            JsonNode list = domain.path("basePathMappings");
            for (int j = 0; j < list.size(); j++) {
                String here = at + "/basePathMappings/" + j;
                JsonNode mapping = list.get(j);
                String basePath = mapping.path("basePath").asText("(none)");
                basePath = basePath.equals("(none)") ? "" : trimSlashes(basePath);
                if (!basePath.isEmpty() && !BASE_PATH.matcher(basePath).matches()) {
                    problems.add(lines.problem(here + "/basePath", "a base path uses a-z A-Z 0-9 $-_.+!*'()/ (300 at most), got '"
                            + basePath + "'"));
                    continue;
                }
                if (!basePaths.add(basePath)) {
                    problems.add(lines.problem(here + "/basePath", "two mappings of " + name + " have the base path '"
                            + (basePath.isEmpty() ? "(none)" : basePath) + "'"));
                }
                String apiName = mapping.path("api").asText(null);
                Api api = apis.get(apiName);
                if (api == null) {
                    problems.add(lines.problem(here + "/api", "no API is named '" + apiName + "'"));
                    continue;
                }
                String stage = mapping.hasNonNull("stage") && !mapping.get("stage").asText().equals("(none)")
                        ? mapping.get("stage").asText() : null;
                if (stage != null && !api.stages().containsKey(stage)) {
                    problems.add(lines.problem(here + "/stage", "API '" + apiName + "' has no stage '" + stage + "'"));
                    continue;
                }
                mappings.add(new DomainSpec.BasePathMapping(basePath, apiName, stage));
            }
            if (basePaths.contains("") && basePaths.size() > 1) {
                // AWS: "Only one base path mapping is allowed if the base path is empty." [obs]
                problems.add(lines.problem(at + "/basePathMappings", "only one base path mapping is allowed when one has the empty base path"));
            }
            Path[] certificate = certificate(domain, at, lines, problems);
            domains.add(new DomainSpec(name, mappings, certificate[0], certificate[1]));
        }
        return domains;
    }

    /**
     * The domain's own TLS certificate and key files (paths relative to api.yaml), or two nulls. Only
     * their presence is checked here: they are parsed when gwemu serves TLS, so a plain HTTP start does
     * not pay for loading the cryptography.
     */
    private static Path[] certificate(JsonNode domain, String at, SourceLines lines, List<Problem> problems) {
        boolean hasCertificate = domain.hasNonNull("certificate");
        boolean hasKey = domain.hasNonNull("key");
        if (!hasCertificate && !hasKey) {
            return new Path[2];
        }
        if (hasCertificate != hasKey) {
            String missing = hasCertificate ? "key" : "certificate";
            problems.add(lines.problem(at + "/" + (hasCertificate ? "certificate" : "key"),
                    "a domain's certificate and key come together: add " + missing + ": (a PEM file)"));
            return new Path[2];
        }
        Path folder = lines.file().toAbsolutePath().getParent(); // api.yaml's folder
        Path certificate = existingFile(domain, at, "certificate", folder, lines, problems);
        Path key = existingFile(domain, at, "key", folder, lines, problems);
        return certificate == null || key == null ? new Path[2] : new Path[]{certificate, key};
    }

    private static Path existingFile(JsonNode domain, String at, String field, Path folder, SourceLines lines,
                                     List<Problem> problems) {
        JsonNode value = domain.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(lines.problem(at + "/" + field, field + " is the path of a PEM file, relative to this file"));
            return null;
        }
        Path file = folder.resolve(value.asText()).normalize();
        if (!Files.isRegularFile(file)) {
            problems.add(lines.problem(at + "/" + field, field + " file " + file + " does not exist"));
            return null;
        }
        return file;
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
