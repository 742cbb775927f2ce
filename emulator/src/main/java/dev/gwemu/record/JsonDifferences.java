package dev.gwemu.record;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two JSON documents differ, member by member: object members in any order, array elements by index,
 * numbers by value ({@code 1.0} equals {@code 1}). Parts named by the rules' ignored paths are skipped.
 */
final class JsonDifferences {
    /** Enough to report and count; a body that differs everywhere stops being walked here. */
    static final int LIMIT = 1000;
    private static final int VALUE_CHARS = 80;

    private final ComparisonRules rules;
    private final List<Difference> found = new ArrayList<>();

    private JsonDifferences(ComparisonRules rules) {
        this.rules = rules;
    }

    static List<Difference> between(JsonNode recorded, JsonNode replayed, ComparisonRules rules) {
        JsonDifferences differences = new JsonDifferences(rules);
        differences.walk(recorded, replayed, new ArrayList<>());
        return differences.found;
    }

    private void walk(JsonNode recorded, JsonNode replayed, List<String> path) {
        if (found.size() >= LIMIT || rules.ignores(path)) {
            return;
        }
        if (recorded == null || replayed == null) {
            add(path, recorded == null ? "not recorded, replayed " + show(replayed) : "recorded " + show(recorded)
                    + ", not replayed");
        } else if (recorded.isObject() && replayed.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            replayed.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                path.add(name);
                walk(recorded.get(name), replayed.get(name), path);
                path.remove(path.size() - 1);
            }
        } else if (recorded.isArray() && replayed.isArray()) {
            for (int i = 0; i < Math.max(recorded.size(), replayed.size()); i++) {
                path.add(Integer.toString(i));
                walk(recorded.get(i), replayed.get(i), path);
                path.remove(path.size() - 1);
            }
        } else if (!same(recorded, replayed)) {
            add(path, "recorded " + show(recorded) + ", replayed " + show(replayed));
        }
    }

    private static boolean same(JsonNode recorded, JsonNode replayed) {
        if (recorded.isNumber() && replayed.isNumber()) {
            return recorded.decimalValue().compareTo(replayed.decimalValue()) == 0;
        }
        return recorded.equals(replayed);
    }

    private void add(List<String> path, String summary) {
        String pointer = JsonPointerPattern.pointerTo(path);
        found.add(new Difference(pointer.isEmpty() ? "body" : "body " + pointer, summary));
    }

    /** A value as compact JSON, shortened in the middle when long. */
    static String show(JsonNode node) {
        String text = node.toString();
        if (text.length() <= VALUE_CHARS) {
            return text;
        }
        int half = VALUE_CHARS / 2 - 2;
        return text.substring(0, half) + " ... " + text.substring(text.length() - half);
    }

}
