package dev.gwemu.pipeline;

/**
 * A request as it reached the gateway, before any interpretation.
 *
 * @param method      the HTTP method
 * @param rawPath     the path as sent, percent-encoding kept
 * @param rawQuery    the query string as sent without '?', or "" when there is none
 * @param headers     header lines as sent
 * @param body        the body bytes (empty when none)
 * @param sourceIp    the address of the TCP peer
 * @param protocol    e.g. HTTP/1.1
 * @param scheme      http or https
 * @param serverPort  the local port the request came in on
 */
public record HttpRequest(String method, String rawPath, String rawQuery, HeaderList headers, byte[] body,
                          String sourceIp, String protocol, String scheme, int serverPort) {
    public String host() {
        String host = headers.first("Host");
        return host == null ? "" : host;
    }
}
