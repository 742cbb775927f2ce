package dev.gwemu.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.model.AuthorizationType;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.model.Method;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A REST API's security schemes and each method's security requirements, as API Gateway exports them: an API key
 * is the {@code api_key} scheme (x-api-key header), IAM the {@code sigv4} scheme, and each authorizer an
 * {@code apiKey} scheme named after it, whose {@code x-amazon-apigateway-authtype} and
 * {@code x-amazon-apigateway-authorizer} come only with the authorizers extension. Schemes appear in the order
 * methods first use them; authorizers no method uses are not in gwemu's model and are not exported.
 */
final class RestSecuritySchemes {
    static final String API_KEY = "api_key";
    static final String SIGV4 = "sigv4";
    static final String AUTH_TYPE = "x-amazon-apigateway-authtype";
    static final String AUTHORIZER = "x-amazon-apigateway-authorizer";

    private final boolean authorizers;
    private final DefinitionSource source;
    private final Map<String, ObjectNode> schemes = new LinkedHashMap<>();

    RestSecuritySchemes(ExportExtensions extensions, DefinitionSource source) {
        this.authorizers = extensions.authorizers();
        this.source = source;
    }

    /** The method's {@code security}, registering the schemes it names; null when anyone may call the method. */
    ArrayNode requirements(Method method) {
        ArrayNode security = JsonNodeFactory.instance.arrayNode();
        if (method.apiKeyRequired()) {
            schemes.computeIfAbsent(API_KEY, name -> scheme("x-api-key"));
            security.addObject().putArray(API_KEY);
        }
        AuthorizationType type = method.authorization().type();
        if (type == AuthorizationType.AWS_IAM) {
            schemes.computeIfAbsent(SIGV4, name -> sigV4());
            security.addObject().putArray(SIGV4);
        } else if (type == AuthorizationType.CUSTOM || type == AuthorizationType.COGNITO_USER_POOLS) {
            AuthorizerSpec authorizer = method.authorization().authorizer();
            schemes.computeIfAbsent(authorizer.name(), name -> authorizer(authorizer));
            ArrayNode scopes = security.addObject().putArray(authorizer.name());
            method.authorization().scopes().forEach(scopes::add);
        }
        return security.isEmpty() ? null : security;
    }

    /** Every scheme a method named so far, by name; empty when none. */
    ObjectNode schemes() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        schemes.forEach(out::set);
        return out;
    }

    private static ObjectNode scheme(String header) {
        ObjectNode scheme = JsonNodeFactory.instance.objectNode();
        scheme.put("type", "apiKey");
        scheme.put("name", header);
        scheme.put("in", "header");
        return scheme;
    }

    private ObjectNode sigV4() {
        ObjectNode scheme = scheme("Authorization");
        if (authorizers) {
            scheme.put(AUTH_TYPE, "awsSigv4");
        }
        return scheme;
    }

    private ObjectNode authorizer(AuthorizerSpec authorizer) {
        boolean request = authorizer.type() == AuthorizerType.REQUEST;
        String header = request || authorizer.identitySources().isEmpty() ? "Unused"
                : authorizer.identitySources().get(0).substring("method.request.header.".length());
        ObjectNode scheme = scheme(header);
        if (!authorizers) {
            return scheme;
        }
        String label = source.authType(authorizer.name());
        scheme.put(AUTH_TYPE, label != null ? label
                : authorizer.type() == AuthorizerType.COGNITO_USER_POOLS ? "cognito_user_pools" : "custom");
        ObjectNode extension = scheme.putObject(AUTHORIZER);
        if (request && !authorizer.identitySources().isEmpty()) {
            extension.put("identitySource", String.join(", ", authorizer.identitySources()));
        }
        if (authorizer.authorizerUri() != null) {
            extension.put("authorizerUri", authorizer.authorizerUri());
        }
        if (authorizer.type() != AuthorizerType.COGNITO_USER_POOLS) {
            extension.put("authorizerResultTtlInSeconds", authorizer.resultTtlSeconds());
        }
        if (authorizer.identityValidationExpression() != null) {
            extension.put("identityValidationExpression", authorizer.identityValidationExpression());
        }
        if (!authorizer.providerArns().isEmpty()) {
            authorizer.providerArns().forEach(extension.putArray("providerARNs")::add);
        }
        extension.put("type", authorizer.type().name().toLowerCase(Locale.ROOT));
        return scheme;
    }
}
