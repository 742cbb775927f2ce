package dev.gwemu.integration;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** How payload 1.0 events write their maps (data-plane.md §2.2): an empty map is null, multi-value maps are lists. */
public final class EventMaps {
    private EventMaps() {
    }

    /** {@code name: {k: v, ...}}, or {@code name: null} when the map is empty. */
    public static void writeStringMap(JsonGenerator g, String name, Map<String, String> map) throws IOException {
        if (map.isEmpty()) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** {@code name: {k: [v, ...], ...}}. */
    public static void writeMultiMap(JsonGenerator g, String name, Map<String, List<String>> map) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (String v : e.getValue()) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
