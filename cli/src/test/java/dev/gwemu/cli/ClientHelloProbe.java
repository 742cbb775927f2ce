package dev.gwemu.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a TLS ClientHello written byte by byte, offering exactly one protocol version, and tells what
 * the server answers. A JSSE client cannot do this: its own JVM policy refuses TLS 1.1 before the
 * server is asked.
 */
final class ClientHelloProbe {
    static final int TLS_1_1 = 0x0302;
    static final int TLS_1_2 = 0x0303;
    private static final int PROTOCOL_VERSION_ALERT = 70;

    private ClientHelloProbe() {
    }

    /** {@code "ServerHello 0302"}, {@code "alert 70"} (protocol_version) or {@code "closed"}. */
    static String answer(int port, int version) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(record(0x16, handshake(1, clientHello(version))));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            try {
                int type = in.readUnsignedByte();
                in.readUnsignedShort(); // the record layer's version
                byte[] fragment = new byte[in.readUnsignedShort()];
                in.readFully(fragment);
                if (type == 0x15) {
                    return "alert " + (fragment[1] & 0xff);
                }
                if (type == 0x16 && fragment[0] == 2) { // ServerHello: type, 3 length bytes, then its version
                    return String.format("ServerHello %02x%02x", fragment[4], fragment[5]);
                }
                return "record " + type;
            } catch (EOFException e) {
                return "closed";
            }
        }
    }

    static String refusal() {
        return "alert " + PROTOCOL_VERSION_ALERT;
    }

    private static byte[] clientHello(int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version);
        body.writeBytes(new byte[32]); // client random: its value does not matter here
        body.write(0); // no session id
        int[] suites = {0xC02B, 0xC02F, 0xC009, 0xC013, 0x002F}; // ECDHE GCM (1.2), ECDHE and RSA CBC (1.0-1.2)
        u16(body, suites.length * 2);
        for (int suite : suites) {
            u16(body, suite);
        }
        body.write(1);
        body.write(0); // null compression
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        byte[] host = "localhost".getBytes(StandardCharsets.US_ASCII);
        extension(extensions, 0x0000, concat(u16(host.length + 3), new byte[]{0}, u16(host.length), host)); // server_name
        extension(extensions, 0x000a, concat(u16(4), u16(0x0017), u16(0x001d))); // supported_groups: P-256, X25519
        extension(extensions, 0x000b, new byte[]{1, 0}); // ec_point_formats: uncompressed
        extension(extensions, 0x000d, concat(u16(6), u16(0x0403), u16(0x0804), u16(0x0401))); // signature_algorithms
        u16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());
        return body.toByteArray();
    }

    private static byte[] handshake(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(body.length >>> 16);
        u16(out, body.length & 0xffff);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] record(int type, byte[] fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        u16(out, 0x0301); // ClientHellos go out in TLS 1.0 records, whatever they offer
        u16(out, fragment.length);
        out.writeBytes(fragment);
        return out.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xff);
    }

    private static byte[] u16(int value) {
        return new byte[]{(byte) (value >>> 8), (byte) value};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
