package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.AwsServiceSpec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * api.yaml's {@code awsServices}: per service, {@code mode: capture} (the default for every service not named) or
 * {@code mode: forward} with an {@code endpoint} and credentials ({@code accessKeyId}, {@code secretAccessKey},
 * {@code sessionToken}; when left out, the environment's {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and
 * {@code AWS_SESSION_TOKEN}, as the AWS CLI reads them).
 */
final class AwsServicesReader {
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> KEYS = Set.of("mode", "endpoint", "accessKeyId", "secretAccessKey", "sessionToken");

    private final SourceLines lines;
    private final List<Problem> problems;
    private final UnaryOperator<String> environment;

    AwsServicesReader(SourceLines lines, List<Problem> problems, UnaryOperator<String> environment) {
        this.lines = lines;
        this.problems = problems;
        this.environment = environment;
    }

    Map<String, AwsServiceSpec> read(JsonNode node) {
        Map<String, AwsServiceSpec> services = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return services;
        }
        if (!node.isObject()) {
            error("/awsServices", "awsServices maps a service (kinesis, sqs, s3, ...) to {mode: capture} or "
                    + "{mode: forward, endpoint: URL, accessKeyId, secretAccessKey}");
            return services;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String service = entry.getKey();
            String at = "/awsServices/" + ProjectFileReader.escape(service);
            if (!SERVICE.matcher(service).matches()) {
                error(at, "'" + service + "' is not a service's endpoint prefix as integration uris name it "
                        + "(kinesis, firehose, sqs, sns, states, dynamodb, s3, events, ...)");
                continue;
            }
            if (service.equals("lambda")) {
                error(at, "Lambda integrations run the functions of api.yaml; they are neither captured nor forwarded");
                continue;
            }
            AwsServiceSpec spec = service(service, entry.getValue(), at);
            if (spec != null) {
                services.put(service, spec);
            }
        }
        return services;
    }

    private AwsServiceSpec service(String service, JsonNode node, String at) {
        if (!node.isObject()) {
            error(at, "expected {mode: capture} or {mode: forward, endpoint: URL, ...}");
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                error(at + "/" + key, "unknown key '" + key + "' (known here: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String mode = node.path("mode").asText("capture");
        if (mode.equals("capture")) {
            for (String key : List.of("endpoint", "accessKeyId", "secretAccessKey", "sessionToken")) {
                if (node.has(key)) {
                    error(at + "/" + key, "'" + key + "' belongs to mode: forward; a captured service has none");
                }
            }
            return AwsServiceSpec.captured(service);
        }
        if (!mode.equals("forward")) {
            error(at + "/mode", "mode is capture or forward, got '" + mode + "'");
            return null;
        }
        URI endpoint = endpoint(node.path("endpoint"), at + "/endpoint");
        String key = value(node, "accessKeyId", "AWS_ACCESS_KEY_ID");
        String secret = value(node, "secretAccessKey", "AWS_SECRET_ACCESS_KEY");
        String token = value(node, "sessionToken", "AWS_SESSION_TOKEN");
        if (key == null || secret == null) {
            error(at, "a forwarded service needs credentials to sign with: accessKeyId and secretAccessKey here, or "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (any values do for LocalStack)");
            return null;
        }
        return endpoint == null ? null : new AwsServiceSpec(service, AwsServiceSpec.Mode.FORWARD, endpoint, key, secret, token);
    }

    private URI endpoint(JsonNode node, String at) {
        String text = node.asText("");
        try {
            URI uri = new URI(text);
            if ((uri.getScheme() == null || !uri.getScheme().matches("https?")) || uri.getHost() == null
                    || uri.getRawQuery() != null) {
                throw new URISyntaxException(text, "not an absolute http:// or https:// URL without a query");
            }
            return uri;
        } catch (URISyntaxException e) {
            error(at, "a forwarded service's endpoint is the URL calls go to, e.g. http://localhost:4566 (LocalStack), "
                    + "got '" + text + "'");
            return null;
        }
    }

    private String value(JsonNode node, String key, String variable) {
        if (node.hasNonNull(key)) {
            return node.get(key).asText();
        }
        String fromEnvironment = environment.apply(variable);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    private void error(String pointer, String message) {
        problems.add(lines.problem(pointer, message));
    }
}
