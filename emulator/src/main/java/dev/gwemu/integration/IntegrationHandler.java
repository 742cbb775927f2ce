package dev.gwemu.integration;

import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;

/** Calls what a method is integrated with and returns the method response (proxy) or integration response. */
public interface IntegrationHandler {
    HttpResponse call(Invocation invocation);
}
