package dev.gwemu.httpapi.authorizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.httpapi.HttpApiRequestContext;
import dev.gwemu.httpapi.PayloadV2EventWriter;
import dev.gwemu.pipeline.HttpRequest;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request as the integration's payload 2.0 event shows it, before any authorizer ran and without the body: the
 * one place the authorizer events take header, cookie and query rules from (data-plane.md §3.2).
 */
final class RequestAsPayloadV2 {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestAsPayloadV2() {
    }

    static ObjectNode of(HttpRequest request, HttpApiRequestContext context) {
        // Authorizer events carry no body, so the body is not encoded only to be dropped.
        HttpRequest bodiless = new HttpRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                new byte[0], request.sourceIp(), request.protocol(), request.scheme(), request.serverPort());
        HttpApiRequestContext beforeAuthorizer = new HttpApiRequestContext(context.routeKey(), context.stage(),
                context.pathParameters(), context.stageVariables(), context.ids(), context.accountId(), context.apiId(),
                null);
        try {
            return (ObjectNode) JSON.readTree(PayloadV2EventWriter.write(bodiless, beforeAuthorizer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
