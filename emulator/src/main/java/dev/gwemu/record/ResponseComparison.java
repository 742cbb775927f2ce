package dev.gwemu.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares a replayed response with the recorded one: the status, the headers the rules choose (by name, ignoring
 * case; every value in order), and the body. Bodies are compared after undoing {@code Content-Encoding: gzip}:
 * as JSON when both parse as JSON (so member order and number spelling do not count, and ignored paths are left
 * out), else as text when both are UTF-8, else as bytes.
 */
public final class ResponseComparison {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ResponseComparison() {
    }

    /** @return the differences, status first, then headers, then the body; empty when the responses match */
    public static List<Difference> compare(Exchange.Response recorded, Exchange.Response replayed, ComparisonRules rules) {
        List<Difference> differences = new ArrayList<>();
        if (recorded.status() != replayed.status()) {
            differences.add(new Difference("status", "recorded " + recorded.status() + ", replayed " + replayed.status()));
        }
        headers(recorded, replayed, rules, differences);
        if (!rules.ignores(List.of())) {
            body(recorded, replayed, rules, differences);
        }
        return differences;
    }

    private static void headers(Exchange.Response recorded, Exchange.Response replayed, ComparisonRules rules,
                                List<Difference> out) {
        Map<String, String> names = new LinkedHashMap<>(); // lower case -> spelling, recorded's first
        recorded.headers().keySet().forEach(n -> names.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        replayed.headers().keySet().forEach(n -> names.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        rules.comparedHeaders().forEach(n -> names.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        for (String name : names.values()) {
            if (!rules.compares(name)) {
                continue;
            }
            List<String> was = Exchange.Headers.values(recorded.headers(), name);
            List<String> now = Exchange.Headers.values(replayed.headers(), name);
            if (!was.equals(now)) {
                out.add(new Difference("header " + name, "recorded " + show(was) + ", replayed " + show(now)));
            }
        }
    }

    private static String show(List<String> values) {
        if (values.isEmpty()) {
            return "(absent)";
        }
        List<String> quoted = values.stream().map(v -> "\"" + v + "\"").toList();
        return quoted.size() == 1 ? quoted.get(0) : quoted.toString();
    }

    private static void body(Exchange.Response recorded, Exchange.Response replayed, ComparisonRules rules,
                             List<Difference> out) {
        byte[] was = BodyContent.decoded(recorded.body(), Exchange.Headers.first(recorded.headers(), "Content-Encoding"));
        byte[] now = BodyContent.decoded(replayed.body(), Exchange.Headers.first(replayed.headers(), "Content-Encoding"));
        if (Arrays.equals(was, now)) {
            return;
        }
        String wasText = BodyContent.utf8(was);
        String nowText = BodyContent.utf8(now);
        if (wasText == null || nowText == null) {
            int mismatch = Arrays.mismatch(was, now);
            String where = mismatch < Math.min(was.length, now.length) ? "first different byte at offset " + mismatch
                    : "the shorter is the start of the longer";
            String kinds = wasText != null ? " (recorded is text)" : nowText != null ? " (replayed is text)" : "";
            out.add(new Difference("body", "binary bodies differ: recorded " + was.length + " bytes, replayed "
                    + now.length + " bytes; " + where + kinds));
            return;
        }
        JsonNode wasJson = json(wasText);
        JsonNode nowJson = json(nowText);
        if (wasJson != null && nowJson != null) {
            out.addAll(JsonDifferences.between(wasJson, nowJson, rules));
            return;
        }
        out.add(new Difference("body", textSummary(wasText, nowText, wasJson != null, nowJson != null),
                TextDiff.of(wasText, nowText)));
    }

    private static String textSummary(String was, String now, boolean wasJson, boolean nowJson) {
        int at = 0;
        int line = 1;
        int column = 1;
        while (at < was.length() && at < now.length() && was.charAt(at) == now.charAt(at)) {
            if (was.charAt(at) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            at++;
        }
        String kinds = wasJson ? " (recorded is JSON, replayed is not)" : nowJson ? " (replayed is JSON, recorded is not)" : "";
        return "text differs from line " + line + ", character " + column + kinds;
    }

    /** The body as JSON, or null when it is not JSON (an empty body is not). */
    private static JsonNode json(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
