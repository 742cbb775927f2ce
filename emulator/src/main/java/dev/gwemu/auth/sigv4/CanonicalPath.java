package dev.gwemu.auth.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * SigV4's CanonicalURI. Every service but S3: the path as sent, normalised like {@code java.net.URI#normalize}
 * (redundant slashes and "." / ".." segments removed, a ".." that cannot climb kept), then URI-encoded a second time
 * with slashes kept ("double encoding": {@code %2F} becomes {@code %252F}), as the AWS SDK for Java v2 signs it; a
 * trailing slash that only normalisation produced is dropped. S3: the path encoded once and not normalised
 * ({@link #singleEncoded}), since S3 object keys may hold "//", "." and "..".
 */
final class CanonicalPath {
    private CanonicalPath() {
    }

    static String of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        PercentEncoding.encode(normalize(rawPath), true, out);
        boolean sentWithTrailingSlash = rawPath.endsWith("/") || endsWithIgnoreCase(rawPath, "%2F");
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/' && !sentWithTrailingSlash) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /**
     * S3's CanonicalURI: each path byte URI-encoded once, slashes kept. S3 builds it from the decoded object key
     * (AWS's S3 SigV4 reference: "URI-encode each path segment"), so a path whose escapes are spelled otherwise (a raw
     * {@code !} or {@code (}, lower-case hex) is signed in SigV4's own spelling; a path encoded as the AWS SDK encodes
     * keys signs as sent. An escaped slash ({@code %2F}) stays escaped: it is part of a key, not a separator.
     */
    static String singleEncoded(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        PercentEncoding.reencodePath(rawPath, out);
        return out.toString();
    }

    /** Dot-segment removal as java.net.URI does it for an absolute path. */
    static String normalize(String path) {
        List<String> segments = new ArrayList<>();
        List<Boolean> slashAfter = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (i < n) {
            while (i < n && path.charAt(i) == '/') {
                i++;
            }
            if (i == n) {
                break;
            }
            int end = path.indexOf('/', i);
            if (end < 0) {
                end = n;
            }
            segments.add(path.substring(i, end));
            slashAfter.add(end < n);
            i = end;
        }
        boolean[] removed = new boolean[segments.size()];
        for (int s = 0; s < segments.size(); s++) {
            String segment = segments.get(s);
            if (segment.equals(".")) {
                removed[s] = true;
            } else if (segment.equals("..")) {
                int previous = s - 1;
                while (previous >= 0 && removed[previous]) {
                    previous--;
                }
                if (previous >= 0 && !segments.get(previous).equals("..")) {
                    removed[previous] = true;
                    removed[s] = true;
                }
            }
        }
        StringBuilder out = new StringBuilder(path.length());
        out.append('/');
        for (int s = 0; s < segments.size(); s++) {
            if (!removed[s]) {
                out.append(segments.get(s));
                if (slashAfter.get(s)) {
                    out.append('/');
                }
            }
        }
        return out.toString();
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
