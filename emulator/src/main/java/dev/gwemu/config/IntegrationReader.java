package dev.gwemu.config;

import dev.gwemu.mapping.ParameterSource;
import dev.gwemu.mapping.TemplateSyntaxException;
import dev.gwemu.mapping.VtlTemplate;
import dev.gwemu.model.ContentHandling;
import dev.gwemu.model.Integration;
import dev.gwemu.model.IntegrationResponse;
import dev.gwemu.model.IntegrationType;
import dev.gwemu.model.PassthroughBehavior;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one {@code x-amazon-apigateway-integration} object, compiling its mapping templates,
 * parameter mappings and selection patterns, and reporting every problem with its line.
 */
final class IntegrationReader {
    private static final Set<String> KEYS = Set.of("type", "uri", "httpMethod", "timeoutInMillis", "requestParameters",
            "requestTemplates", "passthroughBehavior", "contentHandling", "responses", "cacheKeyParameters",
            "cacheNamespace", "credentials", "connectionType", "connectionId", "tlsConfig", "payloadFormatVersion",
            "integrationSubtype");
    private static final Pattern REQUEST_TARGET = Pattern.compile("integration\\.request\\.(path|querystring|header)\\.[a-zA-Z0-9._$-]+");
    private static final Pattern RESPONSE_TARGET = Pattern.compile("method\\.response\\.header\\.[a-zA-Z0-9._$-]+");
    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");

    private final SourceLines lines;
    private final List<Problem> problems;
    private final List<Problem> warnings;

    IntegrationReader(SourceLines lines, List<Problem> problems, List<Problem> warnings) {
        this.lines = lines;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** @return the integration, or null after reporting why it cannot be served */
    Integration read(Map<?, ?> integration, String at, String where) {
        for (Object key : integration.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                warnings.add(lines.problem(at + "/" + key, where + ": '" + key + "' is not an integration property API Gateway knows; ignored"));
            }
        }
        Object typeValue = integration.get("type");
        IntegrationType type;
        try {
            type = IntegrationType.valueOf(String.valueOf(typeValue).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(lines.problem(at + "/type", "unknown integration type '" + typeValue
                    + "' (API Gateway knows aws_proxy, aws, http, http_proxy, mock)"));
            return null;
        }
        int problemsBefore = problems.size();
        String uri = integration.get("uri") == null ? null : integration.get("uri").toString();
        if (uri == null && type != IntegrationType.MOCK) {
            problems.add(lines.problem(at, where + ": the integration has no 'uri'"));
        }
        if (type == IntegrationType.AWS && uri != null) {
            try {
                dev.gwemu.integration.aws.AwsServiceUri.parse(uri);
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(at + "/uri", where + ": " + e.getMessage()));
            }
        }
        if ((type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY) && uri != null
                && !uri.startsWith("http://") && !uri.startsWith("https://")) {
            problems.add(lines.problem(at + "/uri", where + ": an " + type.name().toLowerCase(Locale.ROOT)
                    + " integration's uri must be an absolute http:// or https:// URL, got '" + uri + "'"));
        }
        String httpMethod = integration.get("httpMethod") == null ? null
                : integration.get("httpMethod").toString().toUpperCase(Locale.ROOT);
        boolean lambda = type == IntegrationType.AWS_PROXY
                || type == IntegrationType.AWS && uri != null && uri.contains(":lambda:path/");
        if (lambda && !"POST".equals(httpMethod)) {
            warnings.add(lines.problem(at + "/httpMethod", where
                    + ": a Lambda integration's httpMethod must be POST; API Gateway answers every call with 500, and so does gwemu"));
        }
        int timeout = timeout(integration.get("timeoutInMillis"), at);
        Map<String, ParameterSource> requestParameters = parameters(integration.get("requestParameters"),
                at + "/requestParameters", REQUEST_TARGET, "integration.request.{path|querystring|header}.NAME", false);
        Map<String, VtlTemplate> requestTemplates = templates(integration.get("requestTemplates"), at + "/requestTemplates");
        PassthroughBehavior passthrough = enumValue(PassthroughBehavior.class, integration.get("passthroughBehavior"),
                at + "/passthroughBehavior", PassthroughBehavior.WHEN_NO_MATCH);
        ContentHandling contentHandling = enumValue(ContentHandling.class, integration.get("contentHandling"),
                at + "/contentHandling", null);
        List<IntegrationResponse> responses = responses(integration.get("responses"), at + "/responses", type);
        if (problems.size() > problemsBefore) {
            return null;
        }
        List<String> cacheKeys = new ArrayList<>();
        if (integration.get("cacheKeyParameters") instanceof List<?> keys) {
            keys.forEach(k -> cacheKeys.add(String.valueOf(k)));
        }
        Object namespace = integration.get("cacheNamespace");
        Object credentials = integration.get("credentials");
        return new Integration(type, uri, httpMethod, timeout, requestParameters, requestTemplates, passthrough,
                contentHandling, responses, cacheKeys, namespace == null ? null : namespace.toString(),
                credentials == null ? null : credentials.toString());
    }

    private int timeout(Object value, String at) {
        if (value == null) {
            return Integration.DEFAULT_TIMEOUT_MILLIS;
        }
        int timeout;
        try {
            timeout = Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            timeout = -1;
        }
        if (timeout < 50) {
            problems.add(lines.problem(at + "/timeoutInMillis",
                    "timeoutInMillis must be a whole number of at least 50, got '" + value + "'"));
        }
        return timeout;
    }

    private List<IntegrationResponse> responses(Object value, String at, IntegrationType type) {
        List<IntegrationResponse> responses = new ArrayList<>();
        if (value == null) {
            return responses;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(lines.problem(at, "'responses' must map selection patterns to integration responses"));
            return responses;
        }
        if (type == IntegrationType.AWS_PROXY || type == IntegrationType.HTTP_PROXY) {
            warnings.add(lines.problem(at, "a proxy integration passes the response through; its 'responses' are ignored, as in AWS"));
            return responses;
        }
        boolean hasDefault = false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String pattern = String.valueOf(entry.getKey());
            String here = at + "/" + ProjectFileReader.escape(pattern);
            if (!(entry.getValue() instanceof Map<?, ?> response)) {
                problems.add(lines.problem(here, "an integration response must be an object with a statusCode"));
                continue;
            }
            Object status = response.get("statusCode");
            if (status == null || !STATUS.matcher(status.toString()).matches()) {
                problems.add(lines.problem(here + "/statusCode", "statusCode must be a status like \"200\", got '" + status + "'"));
                continue;
            }
            // API Gateway's import takes the key "default" (and the console's empty pattern) as the default response.
            Pattern selection = null;
            if (!pattern.equals("default") && !pattern.isEmpty()) {
                try {
                    selection = Pattern.compile(pattern, Pattern.DOTALL);
                } catch (PatternSyntaxException e) {
                    problems.add(lines.problem(here, "selection pattern '" + pattern + "' is not a Java regular expression: "
                            + e.getDescription()));
                    continue;
                }
            } else {
                hasDefault = true;
            }
            responses.add(new IntegrationResponse(selection, status.toString(),
                    parameters(response.get("responseParameters"), here + "/responseParameters", RESPONSE_TARGET,
                            "method.response.header.NAME", true),
                    templates(response.get("responseTemplates"), here + "/responseTemplates"),
                    enumValue(ContentHandling.class, response.get("contentHandling"), here + "/contentHandling", null)));
        }
        if (!hasDefault && !responses.isEmpty()) {
            warnings.add(lines.problem(at, "no default integration response: a result no pattern selects gets 500, as in AWS"));
        }
        return responses;
    }

    private Map<String, ParameterSource> parameters(Object value, String at, Pattern targets, String targetForm,
                                                    boolean responseSide) {
        Map<String, ParameterSource> parameters = new LinkedHashMap<>();
        if (value == null) {
            return parameters;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(lines.problem(at, "expected a map of " + targetForm + " to a source"));
            return parameters;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String target = String.valueOf(entry.getKey());
            String here = at + "/" + ProjectFileReader.escape(target);
            if (!targets.matcher(target).matches()) {
                problems.add(lines.problem(here, "'" + target + "' is not a mapping target; expected " + targetForm));
                continue;
            }
            if (target.equalsIgnoreCase("integration.request.header.Content-Length")
                    || target.equalsIgnoreCase("integration.request.header.Transfer-Encoding")) {
                warnings.add(lines.problem(here, "mapping " + target.substring(target.lastIndexOf('.') + 1)
                        + " makes every call fail with 500 in AWS (data-plane.md §8.3), and in gwemu"));
            }
            try {
                ParameterSource source = ParameterSource.parse(String.valueOf(entry.getValue()));
                if (source.isResponseSource() && !responseSide) {
                    problems.add(lines.problem(here, "'" + entry.getValue() + "' is a response value; a request mapping "
                            + "takes method.request.*, context.*, stageVariables.* or 'literal'"));
                    continue;
                }
                parameters.put(target, source);
            } catch (IllegalArgumentException e) {
                problems.add(lines.problem(here, "invalid mapping expression '" + entry.getValue() + "': " + e.getMessage()));
            }
        }
        return parameters;
    }

    private Map<String, VtlTemplate> templates(Object value, String at) {
        Map<String, VtlTemplate> templates = new LinkedHashMap<>();
        if (value == null) {
            return templates;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(lines.problem(at, "expected a map of content type to mapping template"));
            return templates;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String contentType = String.valueOf(entry.getKey());
            String here = at + "/" + ProjectFileReader.escape(contentType);
            String text = entry.getValue() == null ? "" : entry.getValue().toString();
            try {
                templates.put(contentType.toLowerCase(Locale.ROOT), VtlTemplate.compile(here, text));
            } catch (TemplateSyntaxException e) {
                problems.add(lines.problem(here, "mapping template for " + contentType + ", template line " + e.line()
                        + ", column " + e.column() + ": " + e.problem()));
            } catch (RuntimeException e) {
                problems.add(lines.problem(here, "mapping template for " + contentType + ": " + e.getMessage()));
            }
        }
        return templates;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, Object value, String at, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                known.add(constant.name());
            }
            problems.add(lines.problem(at, "'" + value + "' is not one of " + String.join(", ", known)));
            return fallback;
        }
    }
}
