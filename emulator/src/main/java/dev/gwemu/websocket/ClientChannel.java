package dev.gwemu.websocket;

/** The server's side of one open WebSocket: what the gateway may send to the client, and closing it. */
public interface ClientChannel {
    /** Sends one text message. */
    void sendText(String message);

    /** Sends one binary message. */
    void sendBinary(byte[] message);

    /** Closes the connection with a close frame ({@code code}, {@code reason}). */
    void close(int code, String reason);
}
