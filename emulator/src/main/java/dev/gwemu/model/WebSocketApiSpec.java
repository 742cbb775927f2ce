package dev.gwemu.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a WebSocket API has beyond what every API has (security-and-operations.md §7.1).
 *
 * @param routeSelectionExpression e.g. {@code $request.body.action}
 * @param routes                   by route key
 * @param idleTimeout              a connection silent this long is closed (AWS: 10 minutes)
 * @param maxDuration              a connection is closed at this age (AWS: 2 hours)
 * @param authorizers              the Lambda REQUEST authorizers by name (only {@code $connect} uses one)
 */
public record WebSocketApiSpec(String routeSelectionExpression, Map<String, WebSocketRoute> routes, Duration idleTimeout,
                               Duration maxDuration, Map<String, WebSocketAuthorizerSpec> authorizers) {
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration MAX_DURATION = Duration.ofHours(2);

    public WebSocketApiSpec {
        routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        authorizers = Collections.unmodifiableMap(new LinkedHashMap<>(authorizers));
    }

    /** An API without authorizers. */
    public WebSocketApiSpec(String routeSelectionExpression, Map<String, WebSocketRoute> routes, Duration idleTimeout,
                            Duration maxDuration) {
        this(routeSelectionExpression, routes, idleTimeout, maxDuration, Map.of());
    }
}
