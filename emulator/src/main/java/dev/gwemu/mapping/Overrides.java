package dev.gwemu.mapping;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code $context.requestOverride.{header,querystring,path}.X} and {@code $context.responseOverride.{status,header.X}}
 * (data-plane.md §4.1 step 5, §4.2 "Overrides"): written by templates, read by the pipeline. One per request and
 * mutable: the same instance goes to the request template and then the response template, because overrides set
 * in the request template carry over to the response (§4.2 [V], status 444). Not thread-safe (one request).
 */
public final class Overrides {
    /** §4.2 [E]: a status override is an integer in 100..599; any other value is ignored. */
    static final int MIN_STATUS = 100;
    static final int MAX_STATUS = 599;

    private final Map<String, String> requestHeaders = new LinkedHashMap<>();
    private final Map<String, String> requestQuery = new LinkedHashMap<>();
    private final Map<String, String> requestPath = new LinkedHashMap<>();
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();
    private Integer responseStatus;
    /** Other keys a template sets on the override objects; AWS keeps them for the response template (§4.2 [V]). */
    private final Map<String, Object> requestOverrideExtras = new LinkedHashMap<>();
    private final Map<String, Object> responseOverrideExtras = new LinkedHashMap<>();

    /** Header overrides for the integration request, names as the template wrote them. Live and mutable. */
    public Map<String, String> requestHeaders() {
        return requestHeaders;
    }

    /** Query string overrides for the integration request. Live and mutable. */
    public Map<String, String> requestQuery() {
        return requestQuery;
    }

    /** Path parameter overrides for the integration request ({name} in the URI). Live and mutable. */
    public Map<String, String> requestPath() {
        return requestPath;
    }

    /** Null unless a template set an integer 100..599 (§4.2: otherwise ignored). */
    public Integer responseStatus() {
        return responseStatus;
    }

    /** Header overrides for the method response: they replace or add headers (§4.2 [D]). Live and mutable. */
    public Map<String, String> responseHeaders() {
        return responseHeaders;
    }

    /** True when no template has set anything. */
    public boolean isEmpty() {
        return responseStatus == null && requestHeaders.isEmpty() && requestQuery.isEmpty() && requestPath.isEmpty()
                && responseHeaders.isEmpty();
    }

    Map<String, Object> requestOverrideExtras() {
        return requestOverrideExtras;
    }

    Map<String, Object> responseOverrideExtras() {
        return responseOverrideExtras;
    }

    void setResponseStatus(int status) {
        responseStatus = status;
    }

    /** A status written by a template, if it is an integral number in range (§4.2 [E]); null when it is to be ignored. */
    static Integer validStatus(Object value) {
        if (!(value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger)) {
            return null; // strings ("444") and fractions are not integers
        }
        Number number = (Number) value;
        long status = number.longValue();
        if (number.doubleValue() != status || status < MIN_STATUS || status > MAX_STATUS) {
            return null;
        }
        return (int) status;
    }
}
