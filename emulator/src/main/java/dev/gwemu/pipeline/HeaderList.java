package dev.gwemu.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP header lines in arrival order, names spelled as sent. Lookups ignore case,
 * as HTTP does; the spelling matters because AWS passes it on to Lambda unchanged.
 */
public final class HeaderList {
    public record Header(String name, String value) {
    }

    private final List<Header> lines = new ArrayList<>();

    public HeaderList add(String name, String value) {
        lines.add(new Header(name, value));
        return this;
    }

    /** Replaces every line of that name (any case) with one line spelled {@code name}. */
    public HeaderList set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    public void remove(String name) {
        lines.removeIf(h -> h.name.equalsIgnoreCase(name));
    }

    public boolean contains(String name) {
        return first(name) != null;
    }

    public String first(String name) {
        for (Header h : lines) {
            if (h.name.equalsIgnoreCase(name)) {
                return h.value;
            }
        }
        return null;
    }

    public String last(String name) {
        String found = null;
        for (Header h : lines) {
            if (h.name.equalsIgnoreCase(name)) {
                found = h.value;
            }
        }
        return found;
    }

    public List<Header> lines() {
        return Collections.unmodifiableList(lines);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /**
     * Groups values by name, keeping the first spelling seen of each name, as API Gateway
     * builds {@code multiValueHeaders}. A linear scan: requests carry a dozen headers, and
     * it allocates nothing but the result.
     */
    public Map<String, List<String>> grouped() {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(lines.size());
        for (Header h : lines) {
            String name = null;
            for (String seen : names) {
                if (seen.equalsIgnoreCase(h.name)) {
                    name = seen;
                    break;
                }
            }
            if (name == null) {
                name = h.name;
                names.add(name);
                grouped.put(name, new ArrayList<>(1));
            }
            grouped.get(name).add(h.value);
        }
        return grouped;
    }
}
