package dev.gwemu.httpapi;

import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

/** Calls what an HTTP API route is integrated with and returns the response for the client. */
interface HttpApiIntegration {
    HttpResponse call(Invocation inv);
}
