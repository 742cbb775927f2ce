package dev.gwemu.auth.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gwemu.integration.BinaryMediaTypes;
import dev.gwemu.integration.ProxyEventWriter;
import dev.gwemu.pipeline.Invocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The events a Lambda authorizer function receives (security-and-operations.md §3.3; fixtures
 * rest-authorizer-token-event.json and rest-authorizer-request-event.json).
 */
final class AuthorizerEvents {
    private static final JsonFactory JSON = new JsonFactory();

    /** The REQUEST event has no body, so which media types are binary does not matter to it. */
    private final ProxyEventWriter proxyEvents;

    AuthorizerEvents(String accountId) {
        this.proxyEvents = new ProxyEventWriter(accountId, new BinaryMediaTypes(List.of()));
    }

    /** {@code {"type":"TOKEN","methodArn":...,"authorizationToken":...}}, in the fixture's order. */
    byte[] token(String methodArn, String token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + methodArn.length() + token.length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "TOKEN");
            g.writeStringField("methodArn", methodArn);
            g.writeStringField("authorizationToken", token);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The proxy event's request and requestContext, after {@code type} and {@code methodArn}. */
    byte[] request(Invocation inv, String methodArn) {
        return proxyEvents.writeRequestAuthorizerEvent(inv, methodArn);
    }
}
