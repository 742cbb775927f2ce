package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The items captured PutItem calls wrote, per table, in memory (rebuilt from the capture log at start).
 *
 * <p>gwemu does not know a table's key schema (no CreateTable reaches it), so it learns it: the attribute names of
 * the first {@code Key} a GetItem or DeleteItem sends. Until then an item is added beside any other with the same
 * values, and GetItem returns the newest match; once the key is known, a put replaces the item with the same key,
 * as DynamoDB does, and older duplicates are dropped.
 */
final class DynamoDbItems {
    private final Map<String, List<ObjectNode>> tables = new HashMap<>();
    private final Map<String, List<String>> keys = new HashMap<>();

    /** Stores an item; returns the item it replaced (same key, key known), or null. */
    synchronized ObjectNode put(String table, ObjectNode item) {
        List<ObjectNode> items = tables.computeIfAbsent(table, t -> new ArrayList<>());
        ObjectNode replaced = null;
        List<String> key = keys.get(table);
        if (key != null) {
            Iterator<ObjectNode> it = items.iterator();
            while (it.hasNext()) {
                ObjectNode existing = it.next();
                if (sameKey(existing, item, key)) {
                    replaced = existing;
                    it.remove();
                }
            }
        }
        items.add(item.deepCopy());
        return replaced;
    }

    /** The newest item whose attributes equal every attribute of {@code key}, or null. */
    synchronized ObjectNode get(String table, JsonNode key) {
        learn(table, key);
        List<ObjectNode> items = tables.getOrDefault(table, List.of());
        for (int i = items.size() - 1; i >= 0; i--) {
            if (matches(items.get(i), key)) {
                return items.get(i).deepCopy();
            }
        }
        return null;
    }

    /** Removes the items with that key; returns the newest removed, or null. */
    synchronized ObjectNode delete(String table, JsonNode key) {
        learn(table, key);
        List<ObjectNode> items = tables.getOrDefault(table, List.of());
        ObjectNode removed = null;
        Iterator<ObjectNode> it = items.iterator();
        while (it.hasNext()) {
            ObjectNode item = it.next();
            if (matches(item, key)) {
                removed = item;
                it.remove();
            }
        }
        return removed;
    }

    /** Every item of a table, oldest put first (copies). */
    synchronized List<ObjectNode> all(String table) {
        List<ObjectNode> copies = new ArrayList<>();
        tables.getOrDefault(table, List.of()).forEach(i -> copies.add(i.deepCopy()));
        return copies;
    }

    /** The key attributes learned for a table, or null. */
    synchronized List<String> key(String table) {
        return keys.get(table);
    }

    private void learn(String table, JsonNode key) {
        if (keys.containsKey(table) || key == null || !key.isObject() || key.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        key.fieldNames().forEachRemaining(names::add);
        keys.put(table, List.copyOf(names));
        // Drop the older duplicates put before the key was known, keeping the newest of each key.
        List<ObjectNode> items = tables.getOrDefault(table, new ArrayList<>());
        List<ObjectNode> kept = new ArrayList<>();
        for (int i = items.size() - 1; i >= 0; i--) {
            ObjectNode item = items.get(i);
            if (kept.stream().noneMatch(k -> sameKey(k, item, names))) {
                kept.add(0, item);
            }
        }
        items.clear();
        items.addAll(kept);
    }

    private static boolean matches(JsonNode item, JsonNode key) {
        Iterator<Map.Entry<String, JsonNode>> fields = key.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!AttributeValues.equal(item.get(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameKey(JsonNode a, JsonNode b, List<String> key) {
        for (String name : key) {
            JsonNode av = a.get(name);
            JsonNode bv = b.get(name);
            if (av == null ? bv != null : !AttributeValues.equal(av, bv)) {
                return false;
            }
        }
        return true;
    }
}
