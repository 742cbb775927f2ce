package dev.gwemu.server;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request whose target is an absolute URL (as HTTP proxies send them) routes by its path. */
class AbsoluteFormRequestTest {
    @Test
    void absoluteFormTargetRoutesByPath() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(TestPaths.CONFORMANCE_API);
             Socket socket = new Socket("127.0.0.1", gateway.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET http://127.0.0.1:" + gateway.port() + "/dev/pets/42 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"resource\":\"/pets/{petId}\"") && response.contains("\"path\":\"/pets/42\""), response);
        }
    }
}
