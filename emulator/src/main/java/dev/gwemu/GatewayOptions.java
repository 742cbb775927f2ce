package dev.gwemu;

import dev.gwemu.server.RequestLog;

import java.io.PrintStream;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * How a gateway is set up: {@link #defaults()}, then {@code with...} to change one thing.
 *
 * @param clock      the gateway's time: quotas, throttles, caches, authorizer TTLs, request times
 * @param requestLog where the one-line-per-request log goes; null for none
 * @param logFormat  the request lines' format; JSON also writes the functions' log lines as JSON objects
 * @param colour     ANSI colours in text request lines: for a terminal only (the caller knows whether it is one)
 * @param random     draws which requests go to stage canaries (seed it for repeatable tests)
 */
public record GatewayOptions(Clock clock, PrintStream requestLog, RequestLog.Format logFormat, boolean colour,
                             RandomGenerator random) {
    /** The system clock, plain text lines on standard output, no colour. */
    public static GatewayOptions defaults() {
        return new GatewayOptions(Clock.systemUTC(), System.out, RequestLog.Format.TEXT, false,
                RandomGenerator.getDefault());
    }

    public GatewayOptions withClock(Clock time) {
        return new GatewayOptions(time, requestLog, logFormat, colour, random);
    }

    public GatewayOptions withRequestLog(PrintStream out) {
        return new GatewayOptions(clock, out, logFormat, colour, random);
    }

    public GatewayOptions withLogFormat(RequestLog.Format format) {
        return new GatewayOptions(clock, requestLog, format, colour, random);
    }

    public GatewayOptions withColour(boolean on) {
        return new GatewayOptions(clock, requestLog, logFormat, on, random);
    }

    public GatewayOptions withRandom(RandomGenerator generator) {
        return new GatewayOptions(clock, requestLog, logFormat, colour, generator);
    }
}
