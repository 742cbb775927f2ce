package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.Api;
import dev.gwemu.model.DomainSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads api.yaml's {@code domains} and checks their mappings (security-and-operations.md §5.4). */
final class DomainsReader {
    private static final Pattern BASE_PATH = Pattern.compile("[a-zA-Z0-9$\\-_.+!*'()/]{1,300}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private DomainsReader() {
    }

    static List<DomainSpec> read(JsonNode node, Map<String, Api> apis, SourceLines lines, List<Problem> problems) {
        List<DomainSpec> domains = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/domains/" + i;
            JsonNode domain = node.get(i);
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
            domains.add(new DomainSpec(name, mappings));
        }
        return domains;
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
