package dev.gwemu.httpapi;

import dev.gwemu.integration.InvokeFailures;
import dev.gwemu.pipeline.GatewayException;

/**
 * How an HTTP API words a Lambda call that did not answer (data-plane.md §3.3): a timeout is 503, everything else
 * the HTTP API's 500 (never 502 or 504).
 */
final class HttpApiInvokeFailures implements InvokeFailures {
    static final HttpApiInvokeFailures INSTANCE = new HttpApiInvokeFailures();

    @Override
    public GatewayException configuration(String why) {
        return HttpApiErrors.internalServerError(why);
    }

    @Override
    public GatewayException tooLarge(String why) {
        return HttpApiErrors.requestEntityTooLarge(why);
    }

    @Override
    public GatewayException timeout(String why) {
        return HttpApiErrors.serviceUnavailable(why);
    }

    @Override
    public GatewayException throttled(String why) {
        return HttpApiErrors.internalServerError(why);
    }

    @Override
    public GatewayException failed(String why) {
        return HttpApiErrors.internalServerError(why);
    }
}
