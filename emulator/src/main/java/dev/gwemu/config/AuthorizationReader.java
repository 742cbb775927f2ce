package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.AuthorizationType;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.model.MethodAuthorization;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads who may call each method, as API Gateway's import reads it (security-and-operations.md §3, §8.1):
 * security schemes carrying {@code x-amazon-apigateway-authorizer} become authorizers, a scheme with
 * {@code x-amazon-apigateway-authtype: awsSigv4} (or an operation's {@code x-amazon-apigateway-auth:
 * {type: AWS_IAM}}) makes a method AWS_IAM, and an operation's security requirement picks one of them.
 */
final class AuthorizationReader {
    static final String AUTHORIZER = "x-amazon-apigateway-authorizer";
    static final String AUTH_TYPE = "x-amazon-apigateway-authtype";
    static final String AUTH = "x-amazon-apigateway-auth";
    /** AWS allows ten authorizers per API (§3). */
    static final int MAX_AUTHORIZERS = 10;
    static final int MAX_TTL_SECONDS = 3600;
    private static final Pattern SOURCE = Pattern.compile(
            "method\\.request\\.(header|querystring)\\.[^\\s,]+|stageVariables\\.[^\\s,]+|context\\.[^\\s,]+");

    private final JsonNode root;
    private final String apiId;
    private final SourceLines lines;
    private final List<Problem> problems;
    private final String schemesAt;
    private final JsonNode schemes;
    private final Map<String, AuthorizerSpec> authorizers = new LinkedHashMap<>();
    private final List<String> sigV4Schemes = new ArrayList<>();

    AuthorizationReader(JsonNode root, String apiId, SourceLines lines, List<Problem> problems) {
        this.root = root;
        this.apiId = apiId;
        this.lines = lines;
        this.problems = problems;
        boolean openApi3 = root.path("components").has("securitySchemes");
        this.schemesAt = openApi3 ? "/components/securitySchemes" : "/securityDefinitions";
        this.schemes = openApi3 ? root.path("components").path("securitySchemes") : root.path("securityDefinitions");
        readSchemes();
    }

    /** The authorizers the definition declares, by scheme name. */
    Map<String, AuthorizerSpec> authorizers() {
        return authorizers;
    }

    private void readSchemes() {
        for (Iterator<Map.Entry<String, JsonNode>> it = schemes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = schemesAt + "/" + ProjectFileReader.escape(entry.getKey());
            JsonNode scheme = entry.getValue();
            if (scheme.has(AUTHORIZER)) {
                AuthorizerSpec authorizer = authorizer(entry.getKey(), scheme, at);
                if (authorizer != null) {
                    authorizers.put(entry.getKey(), authorizer);
                }
            } else if ("awsSigv4".equalsIgnoreCase(scheme.path(AUTH_TYPE).asText())) {
                sigV4Schemes.add(entry.getKey());
            }
        }
        if (authorizers.size() > MAX_AUTHORIZERS) {
            error(schemesAt, "an API has at most " + MAX_AUTHORIZERS + " authorizers; this one declares " + authorizers.size());
        }
    }

    private AuthorizerSpec authorizer(String name, JsonNode scheme, String schemeAt) {
        String at = schemeAt + "/" + AUTHORIZER;
        JsonNode node = scheme.get(AUTHORIZER);
        String typeName = node.path("type").asText("").toUpperCase(Locale.ROOT);
        AuthorizerType type;
        try {
            type = AuthorizerType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            error(at + "/type", "authorizer " + name + ": type is token, request or cognito_user_pools, got '"
                    + node.path("type").asText() + "'");
            return null;
        }
        List<String> sources = identitySources(name, type, scheme, node, at);
        String expression = node.hasNonNull("identityValidationExpression") ? node.get("identityValidationExpression").asText() : null;
        if (expression != null) {
            try {
                Pattern.compile(expression);
            } catch (PatternSyntaxException e) {
                error(at + "/identityValidationExpression", "authorizer " + name + ": not a regular expression: "
                        + e.getDescription());
            }
        }
        int ttl = AuthorizerSpec.DEFAULT_TTL_SECONDS;
        JsonNode ttlNode = node.path("authorizerResultTtlInSeconds");
        if (!ttlNode.isMissingNode()) {
            if (!ttlNode.isIntegralNumber() || ttlNode.asInt() < 0 || ttlNode.asInt() > MAX_TTL_SECONDS) {
                error(at + "/authorizerResultTtlInSeconds", "authorizer " + name
                        + ": authorizerResultTtlInSeconds is a whole number from 0 to " + MAX_TTL_SECONDS);
            } else {
                ttl = ttlNode.asInt();
            }
        }
        String uri = node.hasNonNull("authorizerUri") ? node.get("authorizerUri").asText() : null;
        List<String> providers = new ArrayList<>();
        node.path("providerARNs").forEach(arn -> providers.add(arn.asText()));
        if (type == AuthorizerType.COGNITO_USER_POOLS) {
            if (providers.isEmpty()) {
                error(at, "authorizer " + name + ": a cognito_user_pools authorizer needs providerARNs");
            }
        } else if (uri == null) {
            error(at, "authorizer " + name + ": a " + type.name().toLowerCase(Locale.ROOT)
                    + " authorizer needs authorizerUri (the Lambda function's invocation URI)");
        }
        return new AuthorizerSpec(name, StableIds.of(apiId + " authorizer " + name, 6), type, uri, sources, expression,
                ttl, providers);
    }

    /**
     * {@code identitySource} as written, else what the import derives from the scheme: an apiKey scheme in a
     * header names the header (the usual {@code Authorization}).
     */
    private List<String> identitySources(String name, AuthorizerType type, JsonNode scheme, JsonNode node, String at) {
        List<String> sources = new ArrayList<>();
        if (node.hasNonNull("identitySource")) {
            for (String part : node.get("identitySource").asText().split(",")) {
                if (!part.isBlank()) {
                    sources.add(part.trim());
                }
            }
        } else if ("header".equals(scheme.path("in").asText()) && scheme.hasNonNull("name")) {
            sources.add("method.request.header." + scheme.get("name").asText());
        }
        for (String source : sources) {
            if (!SOURCE.matcher(source).matches()) {
                error(at + "/identitySource", "authorizer " + name + ": '" + source + "' is not an identity source (use "
                        + "method.request.header.X, method.request.querystring.X, stageVariables.X or context.X)");
            }
        }
        if (type != AuthorizerType.REQUEST) {
            if (sources.size() != 1 || !sources.get(0).startsWith("method.request.header.")) {
                error(at + "/identitySource", "authorizer " + name + ": a " + type.name().toLowerCase(Locale.ROOT)
                        + " authorizer reads its token from exactly one header (method.request.header.NAME)");
            }
        }
        return sources;
    }

    /**
     * The method's authorization: its {@code x-amazon-apigateway-auth} when set, else the schemes its
     * security (or the definition's default security) names. One authorizer per method, as in AWS.
     */
    MethodAuthorization method(JsonNode operation, String at, String where) {
        JsonNode auth = operation.path(AUTH);
        if (!auth.isMissingNode()) {
            String type = auth.path("type").asText("").toUpperCase(Locale.ROOT);
            if (type.equals("AWS_IAM")) {
                return new MethodAuthorization(AuthorizationType.AWS_IAM, null, List.of());
            }
            if (!type.equals("NONE")) {
                error(at + "/" + AUTH + "/type", where + ": " + AUTH + " type is AWS_IAM or NONE, got '" + auth.path("type").asText() + "'");
            }
            return MethodAuthorization.NONE;
        }
        boolean own = operation.has("security");
        JsonNode security = own ? operation.get("security") : root.path("security");
        String securityAt = own ? at + "/security" : "/security";
        MethodAuthorization found = MethodAuthorization.NONE;
        for (JsonNode requirement : security) {
            for (Iterator<Map.Entry<String, JsonNode>> it = requirement.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                MethodAuthorization candidate = candidate(entry.getKey(), entry.getValue());
                if (candidate == null) {
                    continue;
                }
                if (found.type() != AuthorizationType.NONE && !found.equals(candidate)) {
                    error(securityAt, where + ": a method has one authorizer in API Gateway; this one names "
                            + describe(found) + " and " + describe(candidate));
                    return found;
                }
                found = candidate;
            }
        }
        return found;
    }

    private MethodAuthorization candidate(String scheme, JsonNode scopes) {
        if (sigV4Schemes.contains(scheme)) {
            return new MethodAuthorization(AuthorizationType.AWS_IAM, null, List.of());
        }
        AuthorizerSpec authorizer = authorizers.get(scheme);
        if (authorizer == null) {
            return null;
        }
        if (authorizer.type() == AuthorizerType.COGNITO_USER_POOLS) {
            List<String> list = new ArrayList<>();
            scopes.forEach(s -> list.add(s.asText()));
            return new MethodAuthorization(AuthorizationType.COGNITO_USER_POOLS, authorizer, list);
        }
        return new MethodAuthorization(AuthorizationType.CUSTOM, authorizer, List.of());
    }

    private static String describe(MethodAuthorization authorization) {
        return authorization.authorizer() == null ? authorization.type().name() : "authorizer " + authorization.authorizer().name();
    }

    private void error(String pointer, String message) {
        problems.add(lines.problem(pointer, message));
    }
}
