package dev.gwemu.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwemu.auth.sigv4.SigV4Verifier;
import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.RequestIds;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@code @connections} management API of a WebSocket API (security-and-operations.md §7.3): what a backend calls,
 * usually through the AWS SDK's {@code ApiGatewayManagementApiClient}, to send to a connected client, look at it, or
 * disconnect it.
 * <ul>
 *   <li>{@code POST} — the body's bytes go to the client as one message: a text message when they are valid UTF-8,
 *       else a binary one [unc: AWS does not document the frame type; gwemu's choice]. 200, empty body. Over
 *       {@link #MAX_PAYLOAD_BYTES}: 413 PayloadTooLargeException.</li>
 *   <li>{@code GET} — 200 {@code {"connectedAt":"...","identity":{"sourceIp":"...","userAgent":"..."},"lastActiveAt":"..."}},
 *       times in ISO-8601 UTC with milliseconds (the service model's timestamp format); {@code userAgent} is left
 *       out when the client sent none, as AWS's own CLI example shows.</li>
 *   <li>{@code DELETE} — 204; the connection leaves the registry, is closed with {@link #DELETE_CLOSE_CODE}, and then
 *       {@code onDelete} is told, so the caller can run {@code $disconnect} as AWS does after a DeleteConnection.</li>
 *   <li>Unknown id, or a connection of another stage or API — 410 GoneException. Any other method — "No method found
 *       matching route ..." ({@link ManagementErrors#noMethod}).</li>
 * </ul>
 * Checks run in this order [unc]: signature (when a verifier is configured), method, payload size, connection.
 * Without a verifier (no credentials configured) unsigned calls are accepted; with one, a call must be signed by one
 * of its credentials for service {@code execute-api}, else AWS's SigV4 403s (§3.1). Whether the signer may
 * {@code execute-api:ManageConnections} is not evaluated: every known credential may.
 */
public final class ConnectionsApi {
    /** The largest POST body delivered: 128 KB, the WebSocket message limit (§7.1) [doc]. */
    public static final int MAX_PAYLOAD_BYTES = 128 * 1024;
    /** [unc] The close code a client sees after DeleteConnection; AWS does not document it. 1000 = Normal Closure. */
    public static final int DELETE_CLOSE_CODE = 1000;
    /** [unc] The close reason sent with {@link #DELETE_CLOSE_CODE}. */
    public static final String DELETE_CLOSE_REASON = "";
    /**
     * [unc] Whether a delivered POST counts as activity for {@code lastActiveAt}. AWS documents it only as "when the
     * connection was last active"; its idle timeout counts messages either way (§7.1), and
     * {@link WebSocketConnection#lastActiveAt()} is defined the same way, so yes. GET and DELETE never do.
     */
    public static final boolean POST_IS_ACTIVITY = true;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] NO_BODY = new byte[0];

    private final Connections connections;
    private final Clock clock;
    private final SigV4Verifier verifier;
    private final Consumer<WebSocketConnection> onDelete;
    private final GatewayResponses responses = new GatewayResponses();

    /**
     * @param connections the gateway's open connections
     * @param clock       the time of {@code lastActiveAt} updates
     * @param verifier    checks signatures; null when no credentials are configured (unsigned calls accepted)
     * @param onDelete    told of each connection a DELETE closed, after it left the registry and was closed
     *                    (the place to run {@code $disconnect}); null for nothing
     */
    public ConnectionsApi(Connections connections, Clock clock, SigV4Verifier verifier, Consumer<WebSocketConnection> onDelete) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = verifier;
        this.onDelete = onDelete == null ? c -> { } : onDelete;
    }

    public ConnectionsApi(Connections connections, Clock clock, SigV4Verifier verifier) {
        this(connections, clock, verifier, null);
    }

    /** Whether {@code rawPath} is {@code /{stage}/@connections/{id}} ({@link ManagementPath#parse} tells the parts). */
    public static boolean matches(String rawPath) {
        return ManagementPath.parse(rawPath) != null;
    }

    /**
     * Answers one management call whose path the caller has recognised as {@code /{stage}/@connections/{id}}.
     *
     * @param request             the request as received (its raw path is what was signed)
     * @param apiId               the WebSocket API the request's host or domain named
     * @param stage               the stage of the path
     * @param connectionIdEncoded the id as it appears in the path, percent-encoding kept
     */
    public HttpResponse handle(HttpRequest request, String apiId, String stage, String connectionIdEncoded) {
        ManagementPath path = new ManagementPath(stage, connectionIdEncoded);
        HttpResponse response;
        try {
            response = answer(request, apiId, path);
        } catch (GatewayException e) {
            response = responses.render(e);
        }
        response.headers().add("x-amzn-RequestId", RequestIds.create(clock.instant(), null).requestId());
        return response;
    }

    private HttpResponse answer(HttpRequest request, String apiId, ManagementPath path) {
        if (verifier != null) {
            verifier.verify(request);
        }
        String method = request.method();
        switch (method) {
            case "POST" -> {
                byte[] body = request.body() == null ? NO_BODY : request.body();
                if (body.length > MAX_PAYLOAD_BYTES) {
                    throw ManagementErrors.payloadTooLarge(body.length);
                }
                return post(connection(apiId, path), body);
            }
            case "GET" -> {
                return get(connection(apiId, path));
            }
            case "DELETE" -> {
                return delete(connection(apiId, path));
            }
            default -> throw ManagementErrors.noMethod(path.route(), method);
        }
    }

    /** The open connection the path names, if it belongs to this API and stage. */
    private WebSocketConnection connection(String apiId, ManagementPath path) {
        String id = path.connectionId();
        WebSocketConnection connection = connections.get(id);
        if (connection == null) {
            throw ManagementErrors.gone("@connections: no open connection " + id);
        }
        if (!connection.apiId().equals(apiId) || !connection.stage().equals(path.stage())) {
            throw ManagementErrors.gone("@connections: connection " + id + " belongs to " + connection.apiId() + "/"
                    + connection.stage() + ", not " + apiId + "/" + path.stage());
        }
        return connection;
    }

    private HttpResponse post(WebSocketConnection connection, byte[] body) {
        String text = utf8(body);
        try {
            if (text != null) {
                connection.channel().sendText(text);
            } else {
                connection.channel().sendBinary(body.clone());
            }
        } catch (RuntimeException closedUnderneath) {
            // The socket went away between the lookup and the send: for the caller the connection is gone.
            throw ManagementErrors.gone("@connections: sending to " + connection.id() + " failed: " + closedUnderneath);
        }
        if (POST_IS_ACTIVITY) {
            connection.active(clock.instant());
        }
        return json(200, NO_BODY);
    }

    private HttpResponse get(WebSocketConnection connection) {
        ObjectNode root = JSON.createObjectNode();
        root.put("connectedAt", timestamp(connection.connectedAt()));
        ObjectNode identity = root.putObject("identity");
        identity.put("sourceIp", connection.sourceIp());
        if (connection.userAgent() != null) {
            identity.put("userAgent", connection.userAgent());
        }
        root.put("lastActiveAt", timestamp(connection.lastActiveAt()));
        try {
            return json(200, JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse delete(WebSocketConnection connection) {
        if (connections.remove(connection.id()) == null) {
            throw ManagementErrors.gone("@connections: " + connection.id() + " closed meanwhile");
        }
        try {
            connection.channel().close(DELETE_CLOSE_CODE, DELETE_CLOSE_REASON);
        } catch (RuntimeException alreadyClosed) {
            // Closed underneath: it is gone either way, and $disconnect is still owed.
        }
        onDelete.accept(connection);
        return new HttpResponse(204, new HeaderList(), NO_BODY);
    }

    /** ISO-8601 UTC with exactly three fraction digits, as AWS writes these times. */
    static String timestamp(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** The bytes as text when they are well-formed UTF-8, else null. */
    static String utf8(byte[] bytes) {
        return dev.gwemu.pipeline.StrictUtf8.decode(bytes);
    }

    private static HttpResponse json(int status, byte[] body) {
        return new HttpResponse(status, new HeaderList().add("Content-Type", "application/json"), body);
    }
}
