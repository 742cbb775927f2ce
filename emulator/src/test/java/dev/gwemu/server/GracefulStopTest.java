package dev.gwemu.server;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stopping the server lets a request in flight finish with its real answer. */
class GracefulStopTest {
    @Test
    void aRequestInFlightCompletesWhileTheServerStops() throws Exception {
        RunningGateway gateway = RunningGateway.start(TestPaths.CONFORMANCE_API);
        HttpRequest slow = HttpRequest.newBuilder(gateway.uri("/dev/script"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sleepMillis\":700,\"return\":{\"statusCode\":201,\"body\":\"done\"}}"))
                .build();
        CompletableFuture<HttpResponse<String>> pending = gateway.client().sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(250); // the request is inside the function now
        gateway.close();
        HttpResponse<String> response = pending.get();
        assertEquals(201, response.statusCode());
        assertEquals("done", response.body());
    }
}
