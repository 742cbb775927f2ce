package dev.gwemu.mapping;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Collections;
import java.util.Iterator;

/**
 * What {@code $input.path} gives for a missing path or a JSON null (data-plane.md §5.1 [V]): it renders as an
 * empty string, and both {@code $r == $null} and {@code $r == ""} are true. A Java null cannot do the second in
 * Velocity, so this stand-in uses Velocity's duck typing: {@code getAsString()} makes it equal to {@code ""},
 * {@code getAsNumber()} returning null makes Velocity treat it as null, {@code getAsBoolean()} makes
 * {@code #if($r)} false. Public only because Velocity calls methods of public classes alone.
 */
public final class MissingValue implements Iterable<Object> {
    static final MissingValue INSTANCE = new MissingValue();

    private MissingValue() {
    }

    public String getAsString() {
        return "";
    }

    public Number getAsNumber() {
        return null;
    }

    public boolean getAsBoolean() {
        return false;
    }

    public boolean isEmpty() {
        return true;
    }

    /** {@code $r.nested} of a missing value is missing too (and renders empty, §5.1 [V]). */
    public Object get(String key) {
        return this;
    }

    /** {@code #foreach} over a missing value runs zero times. */
    @Override
    public Iterator<Object> iterator() {
        return Collections.emptyIterator();
    }

    /** Serialised inside JSON (a list a template built) it is JSON null. */
    @JsonValue
    Object json() {
        return null;
    }

    @Override
    public String toString() {
        return "";
    }

    static boolean isMissing(Object value) {
        return value == null || value == INSTANCE;
    }
}
