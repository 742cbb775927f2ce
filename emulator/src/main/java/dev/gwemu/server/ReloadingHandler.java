package dev.gwemu.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Hands each request to the current generation of the project; a reload swaps it without refusing anything. */
final class ReloadingHandler implements HttpHandler {
    private volatile Generation current;

    ReloadingHandler(Generation first) {
        this.current = first;
    }

    Generation current() {
        return current;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Generation serving;
        do {
            serving = current;
        } while (!serving.enter());
        Generation served = serving;
        exchange.addExchangeCompleteListener((ex, next) -> {
            served.exit();
            next.proceed();
        });
        served.handler().handleRequest(exchange);
    }

    /** Serves {@code next} from now on and retires the generation it replaces. */
    void replace(Generation next) {
        Generation old = current;
        current = next;
        old.retire();
    }
}
