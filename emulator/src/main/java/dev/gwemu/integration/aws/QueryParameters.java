package dev.gwemu.integration.aws;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.QueryString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of an AWS query-protocol request ({@code Action=SendMessage&MessageBody=...}): those of the query
 * string, then those of a form body. A service reads the body as a form only when it says
 * {@code application/x-www-form-urlencoded} [D] (the query protocol's POST form), which is why an SQS integration
 * maps {@code integration.request.header.Content-Type} to that type.
 */
public final class QueryParameters {
    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParameters of(ServiceCall call) {
        return of(call.query(), call.headers(), call.body());
    }

    public static QueryParameters of(String rawQuery, HeaderList headers, byte[] body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        QueryString.parse(rawQuery).all().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        if (isForm(headers.last("Content-Type")) && body != null && body.length > 0) {
            QueryString.parse(new String(body, StandardCharsets.UTF_8)).all()
                    .forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        return new QueryParameters(values);
    }

    static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The first value of a parameter, or null. */
    public String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public Map<String, List<String>> all() {
        return values;
    }
}
