package dev.gwemu.httpapi;

import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

/** Calls what an HTTP API route is integrated with and returns its response. */
interface HttpApiIntegration {
    /** @param request the request to send: the client's after the route's parameter mapping */
    HttpResponse call(Invocation inv, HttpRequest request);
}
