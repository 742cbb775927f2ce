package dev.gwemu.httpapi.mapping;

import java.util.Comparator;

/**
 * One compiled {@code key: value} entry of {@code requestParameters} or {@code responseParameters}.
 *
 * @param key    the key as written, for messages
 * @param target what the entry changes
 * @param value  what it writes; null for {@code remove:} entries, whose value is not read
 */
record MappingRule(String key, MappingTarget target, ValueExpression value) {
    /** [D] A mapping value is "a string with a length between [1-512]" (AWS CLI create-integration reference). */
    static final int MAX_VALUE_LENGTH = 512;
    /**
     * [U] AWS keeps mappings in an unordered map, so the order they are written in cannot matter: removals run
     * first, then overwrites, then appends (an append to a header also overwritten adds a second value).
     */
    static final Comparator<MappingRule> RUN_ORDER = Comparator.comparingInt(r -> switch (r.target.action()) {
        case REMOVE -> 0;
        case OVERWRITE -> 1;
        case APPEND -> 2;
    });

    /**
     * @param where "requestParameters" or "responseParameters[404]", for messages
     * @throws IllegalArgumentException naming the entry
     */
    static MappingRule compile(String where, String key, String value, boolean responseSide) {
        MappingTarget target;
        try {
            target = responseSide ? MappingTarget.response(key) : MappingTarget.request(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        String entry = where + " \"" + key + "\": \"" + value + "\": ";
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(entry + "a value must be 1 to " + MAX_VALUE_LENGTH + " characters long"
                    + " (write '' as the value of a remove: entry)");
        }
        if (target.action() == MappingAction.REMOVE) {
            return new MappingRule(key, target, null); // the docs write remove entries with the value ''
        }
        try {
            return new MappingRule(key, target, ValueExpressionParser.parse(value, responseSide));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entry + e.getMessage(), e);
        }
    }

    /**
     * The value to write, or null to leave the target alone (nothing found, see {@link ValueExpression#evaluate}).
     * [U] A header value holding CR or LF (a JSON body string, say) would split the header: it is not written.
     */
    String evaluate(SourceValues values) {
        String result = value.evaluate(values);
        if (result != null && target.location() == MappingTarget.Location.HEADER
                && (result.indexOf('\r') >= 0 || result.indexOf('\n') >= 0)) {
            return null;
        }
        return result;
    }
}
