package dev.gwemu.integration.aws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bucket and key an S3 request names: the bucket from a virtual-hosted host ({@code {bucket}.s3.{region}...})
 * or from the first path segment (path style, {@code s3.{region}.../{bucket}/{key}}), the key from the rest of the
 * path, percent-decoded ('+' stays '+', as in any URI path).
 *
 * @param bucket the bucket, or "" for none ({@code GET /}: ListBuckets)
 * @param key    the object key, or "" for none (a bucket request)
 */
public record S3Address(String bucket, String key) {
    /** Parses the host and the raw (percent-encoded) path of a request to S3. */
    public static S3Address of(String host, String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String lower = host == null ? "" : host.toLowerCase(Locale.ROOT);
        int s3 = lower.indexOf(".s3.");
        if (s3 > 0) { // virtual-hosted: the whole path is the key
            return new S3Address(host.substring(0, s3), decode(path.substring(1)));
        }
        String rest = path.substring(1);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new S3Address(decode(rest), "");
        }
        return new S3Address(decode(rest.substring(0, slash)), decode(rest.substring(slash + 1)));
    }

    public boolean hasBucket() {
        return !bucket.isEmpty();
    }

    public boolean hasKey() {
        return !key.isEmpty();
    }

    /** Percent-decoding of a path: malformed escapes stay as written. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
