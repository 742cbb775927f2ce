package dev.gwemu.httpapi.mapping;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API integration's {@code responseParameters}: per backend status code, header changes and an
 * {@code overwrite:statuscode}, compiled once at load and applied to each backend response from any number of
 * threads ("Transform API requests and responses for HTTP APIs in API Gateway").
 *
 * <p>Values may read {@code $response.header.NAME}, {@code $response.body[.JSONPATH]}, {@code $context.NAME},
 * {@code $stageVariables.NAME}, static text and, [U] as an older edition of the docs lists
 * {@code $request.header.name} among response values, the client's request too. They read the backend's response
 * as it arrived, never another mapping's result.
 */
public final class ResponseParameterMapping {
    public static final ResponseParameterMapping NONE = new ResponseParameterMapping(Map.of());
    /**
     * [D] "The selection key must be a valid HTTP status code within the range of 200-599" (CloudFormation
     * AWS::ApiGatewayV2::Integration ResponseParameter). [U] The same range bounds an {@code overwrite:statuscode}
     * value, for which AWS gives none.
     */
    static final int MIN_STATUS = 200;
    static final int MAX_STATUS = 599;

    private final Map<Integer, List<MappingRule>> byStatus;

    private ResponseParameterMapping(Map<Integer, List<MappingRule>> byStatus) {
        this.byStatus = byStatus;
    }

    /**
     * @param responseParameters backend status code (as text) to that status's key-value map; null or empty for none
     * @throws IllegalArgumentException naming the offending status, key or value
     */
    public static ResponseParameterMapping compile(Map<String, Map<String, String>> responseParameters) {
        if (responseParameters == null || responseParameters.isEmpty()) {
            return NONE;
        }
        Map<Integer, List<MappingRule>> byStatus = new HashMap<>();
        responseParameters.forEach((selectionKey, entries) -> {
            int status = status(selectionKey);
            if (status < 0) {
                throw new IllegalArgumentException("responseParameters: the selection key '" + selectionKey
                        + "' must be a valid HTTP status code within the range of " + MIN_STATUS + "-" + MAX_STATUS);
            }
            String where = "responseParameters[" + selectionKey + "]";
            List<MappingRule> rules = new ArrayList<>();
            if (entries != null) {
                entries.forEach((key, value) -> rules.add(checkedStatus(where,
                        MappingRule.compile(where, key, value, true))));
            }
            rules.sort(MappingRule.RUN_ORDER);
            byStatus.put(status, List.copyOf(rules));
        });
        return new ResponseParameterMapping(Map.copyOf(byStatus));
    }

    public boolean isEmpty() {
        return byStatus.isEmpty();
    }

    /**
     * The response for the client: the backend's with the entry for its status code applied, or the backend's
     * itself when there is no entry for that status. The body is passed on unchanged.
     *
     * @param sources the client's request, stage variables and context, for values that read them
     */
    public HttpResponse apply(HttpResponse backend, MappingSources sources) {
        List<MappingRule> rules = byStatus.get(backend.status());
        if (rules == null || rules.isEmpty()) {
            return backend;
        }
        HeaderList headers = new HeaderList();
        for (HeaderList.Header h : backend.headers().lines()) {
            headers.add(h.name(), h.value());
        }
        int status = backend.status();
        SourceValues values = new SourceValues(sources, backend);
        for (MappingRule rule : rules) {
            MappingTarget target = rule.target();
            if (target.action() == MappingAction.REMOVE) {
                headers.remove(target.name());
                continue;
            }
            String value = rule.evaluate(values);
            if (value == null) {
                continue;
            }
            if (target.location() == MappingTarget.Location.STATUSCODE) {
                int mapped = status(value.trim());
                // [U] a value read at run time that is no status code leaves the backend's status alone
                status = mapped < 0 ? status : mapped;
            } else if (target.action() == MappingAction.OVERWRITE) {
                headers.set(target.name(), value);
            } else {
                headers.add(target.name(), value);
            }
        }
        return new HttpResponse(status, headers, backend.body());
    }

    /** A static {@code overwrite:statuscode} value is checked at load; one read from a source, per response. */
    private static MappingRule checkedStatus(String where, MappingRule rule) {
        if (rule.target().location() != MappingTarget.Location.STATUSCODE) {
            return rule;
        }
        String text = rule.value().staticText();
        if (text != null && status(text.trim()) < 0) {
            throw new IllegalArgumentException(where + " \"" + rule.key() + "\": \"" + text + "\": the status code"
                    + " must be a number from " + MIN_STATUS + " to " + MAX_STATUS);
        }
        return rule;
    }

    /** The status code {@code text} spells in decimal digits, within range; -1 otherwise. */
    private static int status(String text) {
        if (text == null || text.isEmpty() || text.length() > 3) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        int status = Integer.parseInt(text);
        return status >= MIN_STATUS && status <= MAX_STATUS ? status : -1;
    }
}
