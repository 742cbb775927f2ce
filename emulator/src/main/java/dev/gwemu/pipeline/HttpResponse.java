package dev.gwemu.pipeline;

/** A response about to be written to the client. */
public final class HttpResponse {
    private final int status;
    private final HeaderList headers;
    private final byte[] body;

    public HttpResponse(int status, HeaderList headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public HeaderList headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }
}
