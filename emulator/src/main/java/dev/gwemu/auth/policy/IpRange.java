package dev.gwemu.auth.policy;

/** An {@code IpAddress} condition value: a CIDR block or a single address (a /32 or /128 block). */
final class IpRange {
    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** @return the range, or null when {@code text} is not an IPv4 or IPv6 address with an optional /prefix */
    static IpRange parse(String text) {
        int slash = text.indexOf('/');
        byte[] address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(digits);
            if (prefix > bits) {
                return null;
            }
        }
        // Host bits in "10.1.2.3/8" are ignored: the block is 10.0.0.0/8.
        return new IpRange(mask(address, prefix), prefix);
    }

    /** An IPv4 address never falls in an IPv6 block and the other way round. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int wholeBytes = prefixLength / 8;
        for (int i = 0; i < wholeBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int bits = prefixLength % 8;
        int mask = (0xff << (8 - bits)) & 0xff;
        return bits == 0 || (address[wholeBytes] & mask) == (network[wholeBytes] & 0xff);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }
}
