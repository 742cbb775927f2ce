package dev.gwemu.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request path to the {@code @connections} management API of a WebSocket API stage,
 * {@code /{stage}/@connections/{connectionId}} (security-and-operations.md §7.3). The connection id stays as sent:
 * the AWS SDKs percent-encode it, so an id ending in '=' arrives as {@code ...%3D}; {@link #connectionId()} decodes it.
 * {@code @} may itself arrive encoded ({@code %40connections}, as AWS's awscurl example sends it).
 *
 * @param stage               the first path segment, as sent
 * @param connectionIdEncoded the last path segment, as sent (percent-encoding kept)
 */
public record ManagementPath(String stage, String connectionIdEncoded) {
    /** The path segment that names the management API. */
    public static final String SEGMENT = "@connections";

    /** @return the stage and connection id of {@code /{stage}/@connections/{id}}, or null for any other path */
    public static ManagementPath parse(String rawPath) {
        String[] segments = segments(rawPath);
        if (segments == null || segments.length != 3 || segments[0].isEmpty() || segments[2].isEmpty()
                || !isManagementSegment(segments[1])) {
            return null;
        }
        return new ManagementPath(segments[0], segments[2]);
    }

    /**
     * {@code /@connections/{id}}: the management API addressed without a stage, which AWS answers with 403
     * ForbiddenException [obs] ({@link ManagementErrors#forbidden()}).
     */
    public static boolean missingStage(String rawPath) {
        String[] segments = segments(rawPath);
        return segments != null && segments.length <= 2 && isManagementSegment(segments[0]);
    }

    /** The connection id, percent-decoded as UTF-8 ('+' stays '+': this is a path, not a form). */
    public String connectionId() {
        return percentDecode(connectionIdEncoded);
    }

    /** How AWS names the route in "No method found matching route ..." ({@code {stage}/@connections/{id}}). */
    public String route() {
        return stage + "/" + SEGMENT + "/" + connectionIdEncoded;
    }

    private static String[] segments(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        return rawPath.substring(1).split("/", -1);
    }

    private static boolean isManagementSegment(String segment) {
        return segment.equals(SEGMENT) || segment.equals("%40connections");
    }

    /** Decodes %XX sequences; a malformed one is kept as it is (such an id simply names no connection). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(bytes);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
