package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.model.HttpAuthorizerSpec;
import dev.gwemu.model.RouteAuthorization;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads who may call each HTTP API route (security-and-operations.md §3.4, §8.1): security schemes with
 * {@code x-amazon-apigateway-authorizer} of type {@code jwt} or {@code request} become authorizers, a scheme with
 * {@code x-amazon-apigateway-authtype: awsSigv4} (or an operation's {@code x-amazon-apigateway-auth: {type: AWS_IAM}})
 * makes a route AWS_IAM, and the operation's (else the definition's) {@code security} picks one, with its scopes.
 */
final class HttpAuthorizationReader {
    static final int MAX_TTL_SECONDS = 3600;
    private static final Pattern SOURCE = Pattern.compile(
            "\\$request\\.(header|querystring)\\.[^\\s,]+|\\$stageVariables\\.[^\\s,]+|\\$context\\.[^\\s,]+");

    private final JsonNode root;
    private final String apiId;
    private final String region;
    private final SourceLines lines;
    private final List<Problem> problems;
    private final Map<String, HttpAuthorizerSpec> authorizers = new LinkedHashMap<>();
    private final List<String> sigV4Schemes = new ArrayList<>();

    HttpAuthorizationReader(JsonNode root, String apiId, String region, SourceLines lines, List<Problem> problems) {
        this.root = root;
        this.apiId = apiId;
        this.region = region;
        this.lines = lines;
        this.problems = problems;
        boolean openApi3 = root.path("components").has("securitySchemes");
        String schemesAt = openApi3 ? "/components/securitySchemes" : "/securityDefinitions";
        JsonNode schemes = openApi3 ? root.path("components").path("securitySchemes") : root.path("securityDefinitions");
        for (Iterator<Map.Entry<String, JsonNode>> it = schemes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String at = schemesAt + "/" + ProjectFileReader.escape(entry.getKey());
            JsonNode scheme = entry.getValue();
            if (scheme.has(AuthorizationReader.AUTHORIZER)) {
                HttpAuthorizerSpec authorizer = authorizer(entry.getKey(), scheme.get(AuthorizationReader.AUTHORIZER),
                        at + "/" + AuthorizationReader.AUTHORIZER);
                if (authorizer != null) {
                    authorizers.put(entry.getKey(), authorizer);
                }
            } else if ("awsSigv4".equalsIgnoreCase(scheme.path(AuthorizationReader.AUTH_TYPE).asText())) {
                sigV4Schemes.add(entry.getKey());
            }
        }
        if (authorizers.size() > AuthorizationReader.MAX_AUTHORIZERS) {
            error(schemesAt, "an API has at most " + AuthorizationReader.MAX_AUTHORIZERS + " authorizers; this one declares "
                    + authorizers.size());
        }
    }

    private HttpAuthorizerSpec authorizer(String name, JsonNode node, String at) {
        String type = node.path("type").asText("").toLowerCase(Locale.ROOT);
        String id = StableIds.of(apiId + " authorizer " + name, 6);
        List<String> sources = identitySources(node.path("identitySource"));
        for (String source : sources) {
            if (!SOURCE.matcher(source).matches()) {
                error(at + "/identitySource", "authorizer " + name + ": '" + source + "' is not an identity source (use "
                        + "$request.header.X, $request.querystring.X, $context.X or $stageVariables.X)");
            }
        }
        if (type.equals("jwt")) {
            if (sources.isEmpty()) {
                sources = List.of(HttpAuthorizerSpec.DEFAULT_JWT_IDENTITY_SOURCE);
            } else if (sources.size() != 1 || !sources.get(0).startsWith("$request.")) {
                error(at + "/identitySource", "authorizer " + name
                        + ": a JWT authorizer reads its token from one header or query parameter ($request.header.Authorization)");
            }
            JsonNode jwt = node.path("jwtConfiguration");
            String issuer = jwt.hasNonNull("issuer") ? jwt.get("issuer").asText() : null;
            if (issuer == null || issuer.isBlank()) {
                error(at + "/jwtConfiguration", "authorizer " + name + ": a JWT authorizer needs jwtConfiguration.issuer");
            }
            List<String> audience = new ArrayList<>();
            JsonNode aud = jwt.path("audience");
            if (aud.isTextual()) {
                audience.add(aud.asText());
            } else {
                aud.forEach(a -> audience.add(a.asText()));
            }
            if (audience.isEmpty()) {
                error(at + "/jwtConfiguration", "authorizer " + name
                        + ": a JWT authorizer needs jwtConfiguration.audience (one or more client ids)");
            }
            return new HttpAuthorizerSpec(name, id, HttpAuthorizerSpec.Type.JWT, sources, issuer, audience, null, null,
                    false, 0);
        }
        if (!type.equals("request")) {
            error(at + "/type", "authorizer " + name + ": an HTTP API authorizer is of type jwt or request, got '"
                    + node.path("type").asText() + "'");
            return null;
        }
        String uri = node.hasNonNull("authorizerUri") ? node.get("authorizerUri").asText() : null;
        if (uri == null) {
            error(at, "authorizer " + name + ": a request authorizer needs authorizerUri (the Lambda function's invocation URI)");
        }
        String version = node.hasNonNull("authorizerPayloadFormatVersion")
                ? node.get("authorizerPayloadFormatVersion").asText() : null;
        if (version == null || !(version.equals("1.0") || version.equals("2.0"))) {
            error(at + "/authorizerPayloadFormatVersion", "authorizer " + name
                    + ": authorizerPayloadFormatVersion is required, \"1.0\" or \"2.0\"");
        }
        boolean simple = node.path("enableSimpleResponses").asBoolean(false);
        if (simple && !"2.0".equals(version)) {
            error(at + "/enableSimpleResponses", "authorizer " + name + ": simple responses need authorizerPayloadFormatVersion \"2.0\"");
        }
        int ttl = 0;
        JsonNode ttlNode = node.path("authorizerResultTtlInSeconds");
        if (!ttlNode.isMissingNode()) {
            if (!ttlNode.isIntegralNumber() || ttlNode.asInt() < 0 || ttlNode.asInt() > MAX_TTL_SECONDS) {
                error(at + "/authorizerResultTtlInSeconds", "authorizer " + name
                        + ": authorizerResultTtlInSeconds is a whole number from 0 to " + MAX_TTL_SECONDS);
            } else {
                ttl = ttlNode.asInt();
            }
        }
        if (ttl > 0 && sources.isEmpty()) {
            error(at + "/identitySource", "authorizer " + name
                    + ": caching (authorizerResultTtlInSeconds > 0) needs at least one identity source, the cache key");
        }
        return new HttpAuthorizerSpec(name, id, HttpAuthorizerSpec.Type.REQUEST, sources, null, List.of(),
                uri == null ? null : dev.gwemu.integration.LambdaFunctionUri.invocationUri(uri, region), version, simple, ttl);
    }

    /** A comma-separated string (as exports write it) or a list. */
    private static List<String> identitySources(JsonNode node) {
        List<String> sources = new ArrayList<>();
        if (node.isTextual()) {
            for (String part : node.asText().split(",")) {
                if (!part.isBlank()) {
                    sources.add(part.trim());
                }
            }
        } else {
            node.forEach(s -> sources.add(s.asText().trim()));
        }
        return sources;
    }

    /** The route's authorization: its {@code x-amazon-apigateway-auth} when set, else the schemes its security names. */
    RouteAuthorization route(JsonNode operation, String at, String key) {
        JsonNode auth = operation.path(AuthorizationReader.AUTH);
        if (!auth.isMissingNode()) {
            String type = auth.path("type").asText("").toUpperCase(Locale.ROOT);
            if (type.equals("AWS_IAM")) {
                return new RouteAuthorization(RouteAuthorization.Type.AWS_IAM, null, List.of());
            }
            if (!type.equals("NONE")) {
                error(at + "/" + AuthorizationReader.AUTH + "/type", key + ": " + AuthorizationReader.AUTH
                        + " type is AWS_IAM or NONE, got '" + auth.path("type").asText() + "'");
            }
            return RouteAuthorization.NONE;
        }
        boolean own = operation.has("security");
        JsonNode security = own ? operation.get("security") : root.path("security");
        RouteAuthorization found = RouteAuthorization.NONE;
        for (JsonNode requirement : security) {
            for (Iterator<Map.Entry<String, JsonNode>> it = requirement.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                RouteAuthorization candidate = candidate(entry.getKey(), entry.getValue());
                if (candidate == null) {
                    continue;
                }
                if (found.type() != RouteAuthorization.Type.NONE && !found.equals(candidate)) {
                    error(own ? at + "/security" : "/security", key + ": a route has one authorizer in API Gateway; this one names "
                            + describe(found) + " and " + describe(candidate));
                    return found;
                }
                found = candidate;
            }
        }
        return found;
    }

    private RouteAuthorization candidate(String scheme, JsonNode scopes) {
        if (sigV4Schemes.contains(scheme)) {
            return new RouteAuthorization(RouteAuthorization.Type.AWS_IAM, null, List.of());
        }
        HttpAuthorizerSpec authorizer = authorizers.get(scheme);
        if (authorizer == null) {
            return null;
        }
        if (authorizer.type() == HttpAuthorizerSpec.Type.JWT) {
            List<String> list = new ArrayList<>();
            scopes.forEach(s -> list.add(s.asText()));
            return new RouteAuthorization(RouteAuthorization.Type.JWT, authorizer, list);
        }
        return new RouteAuthorization(RouteAuthorization.Type.CUSTOM, authorizer, List.of());
    }

    private static String describe(RouteAuthorization authorization) {
        return authorization.authorizer() == null ? authorization.type().name()
                : "authorizer " + authorization.authorizer().name();
    }

    private void error(String pointer, String message) {
        problems.add(lines.problem(pointer, message));
    }
}
