package dev.gwemu.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A copy of a project file in a test's folder whose one API is defined by an exported file beside it, every other
 * path (definitions, function code, key files) pointing back at the original project's folder.
 */
final class ProjectWithExport {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ProjectWithExport() {
    }

    /** @return the new project file, {@code dir/api.yaml} */
    static Path write(Path original, String api, String exported, String fileName, Path dir) throws IOException {
        Path folder = original.toAbsolutePath().getParent();
        ObjectNode root = (ObjectNode) YAML.readTree(original.toFile());
        Path definition = Files.writeString(dir.resolve(fileName), exported);
        for (JsonNode entry : root.path("apis")) {
            ObjectNode apiEntry = (ObjectNode) entry;
            if (apiEntry.path("name").asText().equals(api)) {
                apiEntry.put("definition", definition.toString());
            } else {
                absolute(apiEntry, "definition", folder);
            }
            apiEntry.path("stages").forEach(stage -> absolute(stage.path("canary"), "definition", folder));
        }
        root.path("functions").forEach(function -> {
            absolute(function, "code", folder);
            absolute(function, "jar", folder);
        });
        for (String list : List.of("userPools", "jwtIssuers")) {
            root.path(list).forEach(item -> absolute(item, "jwks", folder));
        }
        return Files.writeString(dir.resolve("api.yaml"), YAML.writeValueAsString(root));
    }

    private static void absolute(JsonNode node, String field, Path folder) {
        if (node instanceof ObjectNode object && object.hasNonNull(field) && !object.get(field).asText().matches("https?://.*")) {
            object.put(field, folder.resolve(object.get(field).asText()).normalize().toString());
        }
    }
}
