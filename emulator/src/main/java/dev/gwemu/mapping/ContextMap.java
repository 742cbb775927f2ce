package dev.gwemu.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $context} and the objects inside it, copied per render so a template's {@code #set} cannot reach the
 * pipeline's maps. Printing one renders nothing: AWS renders {@code "$context.get('identity')"} (and
 * {@code requestOverride}, {@code responseOverride}) as {@code ""} (LocalStack snapshot
 * {@code test_sqs_amz_json_protocol}, recorded on AWS), while {@code .keySet()} and {@code .get(k)} work as on
 * any map (§5.4 [D]).
 */
final class ContextMap extends LinkedHashMap<String, Object> {
    ContextMap() {
    }

    /** The {@code $context} of one render: the request's tree plus the override objects bound to {@code overrides}. */
    static ContextMap forRender(Map<String, Object> context, Overrides overrides) {
        ContextMap root = copyOf(context);
        root.put("requestOverride", OverrideViews.request(overrides));
        root.put("responseOverride", OverrideViews.response(overrides));
        return root;
    }

    private static ContextMap copyOf(Map<?, ?> source) {
        ContextMap copy = new ContextMap();
        source.forEach((key, value) -> copy.put(String.valueOf(key), value instanceof Map<?, ?> nested ? copyOf(nested) : value));
        return copy;
    }

    @Override
    public String toString() {
        return "";
    }
}
