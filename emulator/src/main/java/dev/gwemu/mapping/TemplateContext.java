package dev.gwemu.mapping;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.runtime.directive.ForeachScope;

import java.util.LinkedHashMap;

/**
 * The variables of one render: {@code $input}, {@code $util}, {@code $context}, {@code $stageVariables}, and what
 * the template {@code #set}s. It also answers Velocity 1.7's loop variables {@code $velocityCount} and
 * {@code $velocityHasNext}, which Velocity 2 dropped but older API Gateway templates still use ([U], §5: AWS
 * templates date from Velocity 1.7), from the innermost {@code $foreach}.
 */
final class TemplateContext extends VelocityContext {
    static final String LEGACY_COUNT = "velocityCount";
    static final String LEGACY_HAS_NEXT = "velocityHasNext";

    TemplateContext(MappingInput input, Overrides overrides) {
        put("input", new InputVariable(input));
        put("util", UtilVariable.INSTANCE);
        put("context", ContextMap.forRender(input.context(), overrides));
        put("stageVariables", new LinkedHashMap<String, Object>(input.stageVariables()));
    }

    @Override
    public Object internalGet(String key) {
        Object value = super.internalGet(key);
        if (value == null && (LEGACY_COUNT.equals(key) || LEGACY_HAS_NEXT.equals(key))
                && super.internalGet("foreach") instanceof ForeachScope loop) {
            return LEGACY_COUNT.equals(key) ? (Object) loop.getCount() : (Object) loop.hasNext();
        }
        return value;
    }
}
