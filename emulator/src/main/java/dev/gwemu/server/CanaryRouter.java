package dev.gwemu.server;

import dev.gwemu.model.Canary;
import dev.gwemu.pipeline.Invocation;

import java.util.random.RandomGenerator;

/**
 * Sends {@code percentTraffic} percent of a stage's requests to its canary, each request drawn at
 * random (security-and-operations.md §1.4); a seeded generator makes the choice repeatable in tests.
 */
final class CanaryRouter {
    private final RandomGenerator random;

    CanaryRouter(RandomGenerator random) {
        this.random = random;
    }

    void route(Invocation inv) {
        Canary canary = inv.stage().canary();
        if (canary == null || canary.percentTraffic() <= 0) {
            return;
        }
        if (canary.percentTraffic() >= 100 || random.nextDouble() * 100 < canary.percentTraffic()) {
            inv.routeToCanary();
        }
    }
}
