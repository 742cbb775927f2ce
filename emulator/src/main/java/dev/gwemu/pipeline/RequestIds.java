package dev.gwemu.pipeline;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The identifiers API Gateway gives each request (data-plane.md §2.2, §6.4).
 *
 * @param requestId         UUID v4: {@code requestContext.requestId}, {@code x-amzn-RequestId}
 * @param extendedRequestId 16 characters ending in '=': {@code x-amz-apigw-id}
 * @param traceRoot         X-Ray root, {@code 1-<8 hex epoch seconds>-<24 hex>}, or the caller's
 * @param requestTime       when the request arrived
 */
public record RequestIds(String requestId, String extendedRequestId, String traceRoot, Instant requestTime) {

    /** New ids; {@code incomingTrace} is the caller's X-Amzn-Trace-Id header, whose Root AWS keeps. */
    public static RequestIds create(Instant now, String incomingTrace) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String root = rootOf(incomingTrace);
        if (root == null) {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            root = "1-" + HexFormat.of().toHexDigits((int) now.getEpochSecond()) + "-" + HexFormat.of().formatHex(bytes);
        }
        byte[] ext = new byte[11];
        random.nextBytes(ext);
        return new RequestIds(uuid(random), Base64.getEncoder().encodeToString(ext), root, now);
    }

    /** The response's trace header: the root, a new parent segment, not sampled. */
    public String responseTraceHeader() {
        byte[] parent = new byte[8];
        ThreadLocalRandom.current().nextBytes(parent);
        return "Root=" + traceRoot + ";Parent=" + HexFormat.of().formatHex(parent) + ";Sampled=0";
    }

    private static String rootOf(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith("Root=") && p.length() > 5) {
                return p.substring(5);
            }
        }
        return null;
    }

    private static String uuid(ThreadLocalRandom random) {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }
}
