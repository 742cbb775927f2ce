package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.accesslog.AccessLogFormat;
import dev.gwemu.accesslog.AccessLogVariables;
import dev.gwemu.model.AccessLogSettings;
import dev.gwemu.model.ApiType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage's {@code accessLogSettings: {format, destination | destinationArn}} (CloudFormation's names).
 * {@code destination} is a file relative to api.yaml; AWS's {@code destinationArn} names a CloudWatch log group,
 * served as the file {@code .gwemu/logs/{log group name}.log} beside api.yaml. The format and the file are checked
 * here, so a stage that loads can log.
 */
final class AccessLogSettingsReader {
    /** {@code arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/petstore}, optionally ending in {@code :*}. */
    private static final Pattern LOG_GROUP_ARN =
            Pattern.compile("arn:aws[a-z-]*:logs:[a-z0-9-]+:[0-9]{12}:log-group:([^:]+)(:\\*)?");
    /** CloudWatch Logs' log group names: 1 to 512 of these characters. */
    private static final Pattern LOG_GROUP_NAME = Pattern.compile("[A-Za-z0-9._/#-]{1,512}");
    static final String LOG_FOLDER = ".gwemu/logs";

    private final Path base;
    private final SourceLines lines;
    private final List<Problem> problems;
    private final List<Problem> warnings;

    /** @param base the folder of api.yaml, which destinations are relative to */
    AccessLogSettingsReader(Path base, SourceLines lines, List<Problem> problems, List<Problem> warnings) {
        this.base = base;
        this.lines = lines;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** The settings at {@code at}; null after reporting what is wrong with them. */
    AccessLogSettings read(JsonNode node, String at, ApiType type) {
        if (!node.isObject()) {
            error(at, "accessLogSettings is a mapping: {format: '...$context.requestId...', destination: logs/access.log}");
            return null;
        }
        KnownKeys.check(node, at, Set.of("format", "destination", "destinationArn"), this::error);
        JsonNode formatNode = node.path("format");
        AccessLogFormat format = null;
        if (!formatNode.isTextual()) {
            error(at + (formatNode.isMissingNode() ? "" : "/format"),
                    "accessLogSettings needs 'format': text with $context variables, e.g. "
                            + "'$context.requestId $context.httpMethod $context.path $context.status'");
        } else {
            try {
                format = AccessLogFormat.parse(formatNode.asText());
            } catch (IllegalArgumentException e) {
                error(at + "/format", e.getMessage());
            }
        }
        Path destination = destination(node, at);
        if (format == null || destination == null) {
            return null;
        }
        List<String> unknown = AccessLogVariables.unknown(format, type);
        if (!unknown.isEmpty()) {
            warnings.add(lines.problem(at + "/format", "API Gateway has no " + variables(unknown) + " for "
                    + (type == ApiType.HTTP ? "HTTP" : "REST") + " API access logs; they print '-'"));
        }
        List<String> notTracked = AccessLogVariables.notTracked(format, type);
        if (!notTracked.isEmpty()) {
            warnings.add(lines.problem(at + "/format", "gwemu has no value for " + variables(notTracked)
                    + " (AWS may); they print '-'"));
        }
        return new AccessLogSettings(formatNode.asText(), destination);
    }

    private static String variables(List<String> names) {
        return String.join(", ", names.stream().map(n -> "$context." + n).toList());
    }

    /** The file lines go to, checked writable; null after reporting why not. */
    private Path destination(JsonNode node, String at) {
        boolean file = node.has("destination");
        boolean arn = node.has("destinationArn");
        if (file == arn) {
            error(at, file ? "give 'destination' (a file) or 'destinationArn' (a log group), not both"
                    : "accessLogSettings needs 'destination': a file relative to api.yaml (or 'destinationArn': a "
                    + "CloudWatch log group ARN, written to " + LOG_FOLDER + "/{log group}.log)");
            return null;
        }
        String key = file ? "destination" : "destinationArn";
        JsonNode value = node.get(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            error(at + "/" + key, "'" + key + "' must be a non-empty text");
            return null;
        }
        Path path = file ? base.resolve(value.asText()).normalize() : logGroupFile(value.asText(), at + "/" + key);
        if (path == null) {
            return null;
        }
        String unwritable = unwritable(path);
        if (unwritable != null) {
            error(at + "/" + key, "the access log " + path + " " + unwritable);
            return null;
        }
        return path;
    }

    /** {@code .gwemu/logs/aws/apigateway/petstore.log} for the log group {@code /aws/apigateway/petstore}. */
    private Path logGroupFile(String arn, String at) {
        Matcher m = LOG_GROUP_ARN.matcher(arn);
        if (!m.matches()) {
            error(at, "'" + arn + "' is not a CloudWatch Logs log group ARN (arn:aws:logs:{region}:{account}:log-group:{name}); "
                    + (arn.contains(":firehose:") ? "Firehose destinations are not served, " : "")
                    + "give 'destination: path/to/file.log' to write anywhere else");
            return null;
        }
        String group = m.group(1);
        String relative = group.replaceFirst("^/+", "");
        if (!LOG_GROUP_NAME.matcher(group).matches() || relative.isEmpty()
                || List.of(relative.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            error(at, "'" + group + "' is not a log group name gwemu can make a file of (letters, digits, '.', '_', '-', "
                    + "'#' and '/' between names)");
            return null;
        }
        return base.resolve(LOG_FOLDER).resolve(relative + ".log").normalize();
    }

    /** Why lines could not be appended to {@code path}, or null when they can (its folders are made at the first line). */
    private static String unwritable(Path path) {
        if (Files.isDirectory(path)) {
            return "is a folder, not a file";
        }
        if (Files.exists(path)) {
            return Files.isWritable(path) ? null : "is not writable";
        }
        Path folder = path.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return "cannot be made: none of its folders exists";
        }
        if (!Files.isDirectory(folder)) {
            return "cannot be made: " + folder + " is not a folder";
        }
        return Files.isWritable(folder) ? null : "cannot be made: the folder " + folder + " is not writable";
    }

    private void error(String pointer, String message) {
        problems.add(lines.problem(pointer, message));
    }
}
