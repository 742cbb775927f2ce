package dev.gwemu.mapping;

import java.util.ArrayList;
import java.util.Collection;

/**
 * A JSON array as templates see it. On AWS a list from {@code $input.path} prints as compact JSON
 * ({@code [{"foo":"bar"}]}) while a map prints Java-style ({@code {foo=bar}}), also a map inside a list once taken
 * out of it (data-plane.md §5.1 [V]). So objects are plain {@link java.util.LinkedHashMap}s and arrays are this
 * class, whose {@code toString()} is the JSON text of the whole subtree.
 */
final class JsonList extends ArrayList<Object> {
    JsonList() {
    }

    JsonList(Collection<?> items) {
        super(items);
    }

    @Override
    public String toString() {
        return Json.write(this);
    }
}
