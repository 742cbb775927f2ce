package dev.gwemu.testhandlers;

import java.util.Map;
import java.util.TreeSet;

/** Its RequestHandler type arguments come through a generic superclass. */
public class InheritedTypesHandler extends GenericBaseHandler<Map<String, Object>> {
    @Override
    protected String describe(Map<String, Object> input) {
        return "keys:" + new TreeSet<>(input.keySet());
    }
}
