package dev.gwemu.auth.policy;

/**
 * Parses textual IPv4 and IPv6 addresses to their bytes. Hand-written because {@code InetAddress.getByName}
 * falls back to a DNS lookup for anything that is not a literal, which neither a policy nor a request may cause.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /** @return 4 bytes for IPv4, 16 for IPv6, or null when {@code text} is not an address */
    static byte[] parse(String text) {
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    /**
     * A request's source address: as {@link #parse}, but an IPv4-mapped IPv6 address {@code ::ffff:a.b.c.d} comes
     * back as its 4 IPv4 bytes, so a dual-stack socket's view of an IPv4 client matches IPv4 ranges.
     */
    static byte[] parseClient(String text) {
        byte[] bytes = parse(text);
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            return java.util.Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    /** Dotted decimal, exactly four parts of 1 to 3 digits, each at most 255. */
    static byte[] parseIpv4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || part == 4) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** RFC 4291 §2.2 text forms: eight groups, one {@code ::} run of zero groups, an optional dotted IPv4 tail. */
    private static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head, gap < 0);
        int[] tailGroups = gap >= 0 ? groups(tail, true) : new int[0];
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            out[2 * i] = (byte) (headGroups[i] >> 8);
            out[2 * i + 1] = (byte) headGroups[i];
        }
        int offset = 8 - tailGroups.length;
        for (int i = 0; i < tailGroups.length; i++) {
            out[2 * (offset + i)] = (byte) (tailGroups[i] >> 8);
            out[2 * (offset + i) + 1] = (byte) tailGroups[i];
        }
        return out;
    }

    /**
     * Colon-separated hex groups of 1 to 4 digits; the last may be a dotted IPv4 address (two groups) when
     * {@code mayEndWithIpv4}. An empty string is no groups.
     */
    private static int[] groups(String text, boolean mayEndWithIpv4) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            if (p == parts.length - 1 && mayEndWithIpv4 && part.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(part);
                if (v4 == null) {
                    return null;
                }
                out[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                out[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int i = 0; i < part.length(); i++) {
                int digit = hexDigit(part.charAt(i));
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            out[n++] = value;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** ASCII only: Character.digit would also accept other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }
}
