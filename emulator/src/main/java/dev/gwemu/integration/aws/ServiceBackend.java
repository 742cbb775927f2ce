package dev.gwemu.integration.aws;

/**
 * Where {@code AWS} integration calls of one service go: forwarded to an endpoint with SigV4 signing, or captured
 * locally and answered with a well-formed response for the action.
 */
public interface ServiceBackend {
    /**
     * @throws dev.gwemu.pipeline.GatewayException as API Gateway fails a call it cannot make (504 on timeout, 500 on a
     *                                             network error or an action gwemu cannot capture)
     */
    ServiceAnswer send(ServiceCall call, int timeoutMillis);
}
