package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;
import java.util.function.BiConsumer;

/** api.yaml refuses keys it does not know, so a typo never silently changes behaviour. */
final class KnownKeys {
    private KnownKeys() {
    }

    /** Reports each key of {@code node} not in {@code known} through {@code error(pointer, message)}. */
    static void check(JsonNode node, String at, Set<String> known, BiConsumer<String, String> error) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                error.accept(at + "/" + ProjectFileReader.escape(key), "unknown key '" + key + "' (known here: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
