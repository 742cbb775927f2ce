package dev.gwemu.mapping;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code $context.requestOverride} and {@code $context.responseOverride} as templates see them: maps whose writes
 * ({@code #set($context.requestOverride.header.X = "v")}) land in an {@link Overrides}. Like the other objects of
 * {@code $context} they print as nothing (see {@link ContextMap}). One set of views per render.
 */
final class OverrideViews {
    /**
     * §4 override docs [D] ("Overrides are final ... If you try to override the same parameter multiple times, API
     * Gateway returns a 5XX response"): a template writing the same override twice fails to render.
     */
    static final boolean REPEATED_OVERRIDE_FAILS = true;

    private OverrideViews() {
    }

    static Map<String, Object> request(Overrides overrides) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("path", new Target("requestOverride.path", overrides.requestPath(), false));
        parts.put("header", new Target("requestOverride.header", overrides.requestHeaders(), true));
        parts.put("querystring", new Target("requestOverride.querystring", overrides.requestQuery(), false));
        return new Root(parts, null, overrides.requestOverrideExtras());
    }

    static Map<String, Object> response(Overrides overrides) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("header", new Target("responseOverride.header", overrides.responseHeaders(), true));
        return new Root(parts, overrides, overrides.responseOverrideExtras());
    }

    /**
     * One override root: its fixed parts, {@code responseOverride.status}, and any other key a template sets, which
     * AWS keeps and shows to the response template ({@code #set($context.responseOverride.custom = "x")}, LocalStack
     * snapshot test_integration_mock_with_response_override_in_request_template, recorded on AWS).
     */
    private static final class Root extends AbstractMap<String, Object> {
        private final Map<String, Object> parts;
        private final Overrides statusTarget;
        private final Map<String, Object> extras;
        private boolean statusWritten;

        Root(Map<String, Object> parts, Overrides statusTarget, Map<String, Object> extras) {
            this.parts = parts;
            this.statusTarget = statusTarget;
            this.extras = extras;
        }

        @Override
        public Object get(Object key) {
            if (statusTarget != null && "status".equals(key)) {
                return statusTarget.responseStatus();
            }
            Object part = parts.get(key);
            return part != null ? part : extras.get(key);
        }

        @Override
        public Object put(String key, Object value) {
            if (statusTarget != null && "status".equals(key)) {
                Integer before = statusTarget.responseStatus();
                Integer status = Overrides.validStatus(value);
                if (status != null) {
                    checkFirstWrite(statusWritten, "responseOverride.status");
                    statusWritten = true;
                    statusTarget.setResponseStatus(status);
                }
                return before;
            }
            if (parts.containsKey(key)) {
                return parts.get(key); // the header, path and querystring maps themselves cannot be replaced [U]
            }
            return extras.put(key, value);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> view = new LinkedHashMap<>(parts);
            if (statusTarget != null && statusTarget.responseStatus() != null) {
                view.put("status", statusTarget.responseStatus());
            }
            extras.forEach(view::putIfAbsent);
            return Collections.unmodifiableMap(view).entrySet();
        }

        @Override
        public String toString() {
            return "";
        }
    }

    /** One override map (headers, query string or path): values are stored as text, null removes. */
    private static final class Target extends AbstractMap<String, Object> {
        private final String label;
        private final Map<String, String> values;
        private final boolean caseInsensitiveNames;
        private final Set<String> written = new HashSet<>();

        Target(String label, Map<String, String> values, boolean caseInsensitiveNames) {
            this.label = label;
            this.values = values;
            this.caseInsensitiveNames = caseInsensitiveNames;
        }

        @Override
        public Object get(Object key) {
            return values.get(key);
        }

        @Override
        public Object put(String key, Object value) {
            String name = String.valueOf(key);
            checkFirstWrite(!written.add(caseInsensitiveNames ? name.toLowerCase(Locale.ROOT) : name), label + "." + name);
            if (MissingValue.isMissing(value)) {
                return values.remove(name);
            }
            return values.put(name, String.valueOf(value));
        }

        @Override
        public Object remove(Object key) {
            return values.remove(key);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Set<Entry<String, Object>> entrySet() {
            return (Set) Collections.unmodifiableMap(values).entrySet();
        }

        @Override
        public String toString() {
            return "";
        }
    }

    private static void checkFirstWrite(boolean alreadyWritten, String what) {
        if (alreadyWritten && REPEATED_OVERRIDE_FAILS) {
            throw new TemplateRenderException("$context." + what + " is overridden more than once; an override may be set only once");
        }
    }
}
