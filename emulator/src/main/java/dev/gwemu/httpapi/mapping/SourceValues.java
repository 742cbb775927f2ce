package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.QueryString;

import java.util.List;

/**
 * The sources of one mapping run: a request (and for response mappings the backend's response), with the query
 * string and bodies parsed on first use only. Values always come from the originals, never from the request or
 * response being rewritten. One instance per run; not shared between threads.
 */
final class SourceValues {
    /** [D] "API Gateway combines multiple header values with commas", and query values likewise: no space. */
    static final String MULTI_VALUE_SEPARATOR = ",";

    private final MappingSources sources;
    private final HttpResponse response;
    private QueryString query;
    private JsonBody requestBody;
    private JsonBody responseBody;

    SourceValues(MappingSources sources, HttpResponse response) {
        this.sources = sources;
        this.response = response;
    }

    /** Every line of that header, any case ("Header names are case-insensitive"), joined; null when none. */
    String requestHeader(String name) {
        return joined(sources.request().headers(), name);
    }

    /** Every value of that parameter ("Query string names are case-sensitive"), decoded and joined; null when none. */
    String requestQueryParameter(String name) {
        if (query == null) {
            query = QueryString.parse(sources.request().rawQuery());
        }
        List<String> values = query.all().get(name);
        return values == null ? null : String.join(MULTI_VALUE_SEPARATOR, values);
    }

    JsonBody requestBody() {
        if (requestBody == null) {
            requestBody = new JsonBody(sources.request().body());
        }
        return requestBody;
    }

    String path() {
        return sources.path();
    }

    String pathParameter(String name) {
        return sources.pathParameters().get(name);
    }

    String context(String name) {
        return sources.context().apply(name);
    }

    String stageVariable(String name) {
        return sources.stageVariables().get(name);
    }

    /** As {@link #requestHeader}, on the backend's response; null outside response mappings. */
    String responseHeader(String name) {
        return response == null ? null : joined(response.headers(), name);
    }

    JsonBody responseBody() {
        if (responseBody == null) {
            responseBody = new JsonBody(response == null ? null : response.body());
        }
        return responseBody;
    }

    private static String joined(HeaderList headers, String name) {
        StringBuilder out = null;
        for (HeaderList.Header h : headers.lines()) {
            if (h.name().equalsIgnoreCase(name)) {
                out = out == null ? new StringBuilder(h.value()) : out.append(MULTI_VALUE_SEPARATOR).append(h.value());
            }
        }
        return out == null ? null : out.toString();
    }
}
