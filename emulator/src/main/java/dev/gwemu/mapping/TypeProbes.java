package dev.gwemu.mapping;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.util.DuckType;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Fills Velocity's {@link DuckType} method cache at start-up. That cache is a plain static HashMap written on
 * first sight of a class; writing it from many rendering threads at once could corrupt it. Probing every class
 * a template normally meets, once, before any render, leaves only reads during rendering.
 */
final class TypeProbes extends DuckType {
    private TypeProbes() {
    }

    static void warmUp(RuntimeInstance engine) {
        // Velocity's own classes for template literals: [1..2] is a private IntegerRange class.
        VelocityContext literals = new VelocityContext();
        engine.evaluate(literals, new StringWriter(), "warm-up", "#set($range = [1..2])#set($list = [1])#set($map = {})");
        Overrides overrides = new Overrides();
        Map<String, Object> requestOverride = OverrideViews.request(overrides);
        List<Object> samples = new ArrayList<>(List.of("", 1, 1L, 1.0d, 1.0f, (short) 1, (byte) 1, BigInteger.ONE, BigDecimal.ONE,
                true, 'c', new LinkedHashMap<>(), new HashMap<>(), new ArrayList<>(), new LinkedList<>(), new JsonList(),
                new CaseInsensitiveMap(), MissingValue.INSTANCE, new ContextMap(), new ForeachScope(null, null), new Object[0],
                UtilVariable.INSTANCE, new InputVariable(new MappingInput(null, null, null, null, null, null)),
                requestOverride, requestOverride.get("header"), OverrideViews.response(overrides),
                literals.get("range"), literals.get("list"), literals.get("map")));
        for (Object sample : samples) {
            for (Types type : Types.values()) {
                get(sample, type);
            }
        }
    }
}
