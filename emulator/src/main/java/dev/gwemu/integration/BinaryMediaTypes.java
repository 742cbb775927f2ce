package dev.gwemu.integration;

import java.util.List;
import java.util.Locale;

/**
 * An API's {@code binaryMediaTypes} and the two ways AWS matches them (data-plane.md §2.3, §2.4):
 * a request body by its Content-Type, a response by the first type of the request's Accept.
 * Entries are exact ({@code image/png}), right-hand wildcards ({@code image/*}) or {@code *}{@code /*};
 * a left-hand wildcard such as {@code *}{@code /test} never matches.
 */
public final class BinaryMediaTypes {
    private final List<String> types;

    public BinaryMediaTypes(List<String> types) {
        this.types = types.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
    }

    public boolean isEmpty() {
        return types.isEmpty();
    }

    /** Whether a request body of this Content-Type goes to Lambda base64-encoded. */
    public boolean matchesContentType(String contentType) {
        return contentType != null && matches(mimeType(contentType));
    }

    /** Whether a base64 proxy response is decoded: only the first Accept type counts. */
    public boolean matchesFirstAccept(String accept) {
        if (accept == null || types.isEmpty()) {
            return false;
        }
        int comma = accept.indexOf(',');
        return matches(mimeType(comma < 0 ? accept : accept.substring(0, comma)));
    }

    private boolean matches(String mime) {
        if (mime.isEmpty()) {
            return false;
        }
        int slash = mime.indexOf('/');
        String typeWildcard = slash < 0 ? null : mime.substring(0, slash) + "/*";
        for (String entry : types) {
            if (entry.equals(mime) || entry.equals("*/*") || entry.equals(typeWildcard)) {
                return true;
            }
        }
        return false;
    }

    private static String mimeType(String header) {
        return dev.gwemu.pipeline.MediaTypes.essence(header, "");
    }
}
