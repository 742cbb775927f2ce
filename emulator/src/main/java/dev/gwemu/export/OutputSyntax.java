package dev.gwemu.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.Locale;

/**
 * How an exported document is written: AWS's {@code Accept: application/json} (the default) or
 * {@code application/yaml}. AWS's exports are Jackson's: JSON with {@code "key" : value} and two-space
 * indents, YAML with a {@code ---} start and double-quoted strings; Jackson's defaults write the same (long
 * strings are not folded over lines here).
 */
public enum OutputSyntax {
    JSON, YAML;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    // Long strings (templates, descriptions) stay on one line: the file diffs cleanly and reads back the same.
    private static final ObjectMapper YAML_MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.SPLIT_LINES).build());

    /** {@code json}, {@code yaml}, or the media types {@code application/json} and {@code application/yaml}. */
    public static OutputSyntax parse(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "json", "application/json" -> JSON;
            case "yaml", "yml", "application/yaml" -> YAML;
            default -> throw new ExportException(ExportException.Reason.OPTION_NOT_SUPPORTED,
                    "the export is written as json or yaml (application/json, application/yaml), got '" + text + "'");
        };
    }

    /** The document as text, ending with a newline. */
    public String write(JsonNode document) {
        try {
            String text = this == JSON ? JSON_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document)
                    : YAML_MAPPER.writeValueAsString(document);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export: " + e.getMessage(), e);
        }
    }
}
