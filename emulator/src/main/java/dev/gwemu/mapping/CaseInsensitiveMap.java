package dev.gwemu.mapping;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A map whose String keys match regardless of case but keep their first spelling and their order:
 * {@code $input.params().header}, where {@code .get('content-type')} finds {@code Content-Type} (§5.2 [E]).
 */
final class CaseInsensitiveMap extends LinkedHashMap<String, Object> {
    private final Map<String, String> spellings = new HashMap<>();

    @Override
    public Object put(String key, Object value) {
        String spelled = spellings.putIfAbsent(fold(key), key);
        return super.put(spelled == null ? key : spelled, value);
    }

    @Override
    public Object get(Object key) {
        String spelled = spelling(key);
        return spelled == null ? null : super.get(spelled);
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        String spelled = spelling(key);
        return spelled == null ? defaultValue : super.getOrDefault(spelled, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        return spelling(key) != null;
    }

    @Override
    public Object remove(Object key) {
        String spelled = key instanceof String s ? spellings.remove(fold(s)) : null;
        return spelled == null ? null : super.remove(spelled);
    }

    @Override
    public void clear() {
        spellings.clear();
        super.clear();
    }

    private String spelling(Object key) {
        return key instanceof String s ? spellings.get(fold(s)) : null;
    }

    private static String fold(String key) {
        return key == null ? null : key.toLowerCase(Locale.ROOT);
    }
}
