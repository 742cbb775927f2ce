package dev.gwemu.auth.policy;

import java.util.List;

/** IpAddress / NotIpAddress condition values (aws:SourceIp): CIDR blocks and single addresses, IPv4 and IPv6. */
final class IpAddressMatcher implements ValueMatcher {
    private final List<IpRange> ranges;

    IpAddressMatcher(List<IpRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    @Override
    public boolean matchesAny(ContextKey key, RequestFacts facts) {
        byte[] address = IpLiteral.parseClient(key.text(facts));
        if (address == null) {
            return false;
        }
        for (IpRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
