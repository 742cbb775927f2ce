package dev.gwemu.validation;

import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a networknt evaluation path (the keywords, property names and indexes that led to an error, e.g.
 * {@code /properties/pet/oneOf/0/$ref/required}) to find the outermost allOf/anyOf/oneOf/not it passed through:
 * AWS reports a failed combinator as one message, where networknt reports its branches' errors.
 */
final class EvaluationPath {
    /**
     * @param prefix        the path up to and including the combinator keyword
     * @param keyword       allOf, anyOf, oneOf or not
     * @param branch        the branch index the error came from, or null for the combinator's own error (and not)
     * @param instanceDepth how many instance-location tokens lead to the instance the combinator applied to
     */
    record Combinator(List<String> prefix, String keyword, String branch, int instanceDepth) {
    }

    private EvaluationPath() {
    }

    static List<String> tokens(NodePath path) {
        List<String> tokens = new ArrayList<>(path.getNameCount());
        for (int i = 0; i < path.getNameCount(); i++) {
            tokens.add(String.valueOf(path.getElement(i)));
        }
        return tokens;
    }

    /** The outermost combinator on the path, or null when the error is not inside one. */
    static Combinator outermostCombinator(List<String> tokens) {
        int depth = 0;
        int i = 0;
        while (i < tokens.size()) {
            String keyword = tokens.get(i);
            switch (keyword) {
                case "properties", "patternProperties" -> { // then a property name; one level down the instance
                    i += 2;
                    depth++;
                }
                case "additionalProperties", "additionalItems" -> {
                    i += 1;
                    depth++;
                }
                case "items" -> { // tuple form carries the index
                    i += hasIndexAt(tokens, i + 1) ? 2 : 1;
                    depth++;
                }
                case "dependencies", "definitions" -> i += 2;
                case "$ref" -> i += 1;
                case "allOf", "anyOf", "oneOf" -> {
                    String branch = hasIndexAt(tokens, i + 1) ? tokens.get(i + 1) : null;
                    return new Combinator(List.copyOf(tokens.subList(0, i + 1)), keyword, branch, depth);
                }
                case "not" -> {
                    return new Combinator(List.copyOf(tokens.subList(0, i + 1)), keyword, null, depth);
                }
                default -> {
                    return null; // an assertion keyword: the end of the path
                }
            }
        }
        return null;
    }

    private static boolean hasIndexAt(List<String> tokens, int i) {
        return i < tokens.size() && SchemaDocuments.isIndex(tokens.get(i));
    }
}
