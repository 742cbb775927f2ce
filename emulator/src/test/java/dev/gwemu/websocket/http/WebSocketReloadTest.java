package dev.gwemu.websocket.http;

import dev.gwemu.Gateway;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.ProjectCopy;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reload (the server's gateway replaced) tells WebSocket clients to reconnect, and they can. */
class WebSocketReloadTest {
    @TempDir
    Path folder;
    private RunningGateway gateway;

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void clientsOfTheOldVersionAreClosedWithServiceRestartAndReconnectToTheNew() throws Exception {
        ProjectCopy.of(TestPaths.TESTDATA.resolve("websocket"), folder);
        MutableClock clock = new MutableClock(WebSocketOverHttpTest.START);
        gateway = RunningGateway.start(folder.resolve("api.yaml"), clock);
        WebSocketClient before = WebSocketClient.connect(gateway, WebSocketOverHttpTest.CHAT, "/dev?user=ada", Map.of());
        before.send("{\"action\":\"echo\",\"text\":\"hi\"}");
        before.next();

        gateway.server().replace(Gateway.create(ProjectLoader.load(folder.resolve("api.yaml")).project(), clock, null));

        assertEquals(1012, before.closes.poll(10, TimeUnit.SECONDS));
        WebSocketClient after = WebSocketClient.connect(gateway, WebSocketOverHttpTest.CHAT, "/dev?user=ada", Map.of());
        after.send("{\"action\":\"echo\",\"text\":\"again\"}");
        assertEquals("echo", new com.fasterxml.jackson.databind.ObjectMapper().readTree(after.next()).path("event").path("requestContext").path("routeKey").asText());
        after.close();
    }
}
