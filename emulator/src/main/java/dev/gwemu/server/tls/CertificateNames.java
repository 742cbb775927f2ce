package dev.gwemu.server.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names and IP addresses a certificate is valid for (its subjectAltName DNS and IP entries),
 * and whether it covers a given host the way TLS clients check it (RFC 6125): a wildcard stands for
 * exactly one leftmost label, so {@code *.example.test} covers {@code a.example.test} but neither
 * {@code example.test} nor {@code a.b.example.test}.
 */
public final class CertificateNames {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.%]*:[0-9a-fA-F:.%]*");

    private final Set<String> dnsNames;
    private final Set<InetAddress> addresses;

    private CertificateNames(Set<String> dnsNames, Set<InetAddress> addresses) {
        this.dnsNames = dnsNames;
        this.addresses = addresses;
    }

    public static CertificateNames of(X509Certificate certificate) {
        Set<String> dns = new LinkedHashSet<>();
        Set<InetAddress> ips = new LinkedHashSet<>();
        Collection<List<?>> entries;
        try {
            entries = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            entries = null; // an unreadable extension names nothing; the certificate then covers no host
        }
        if (entries != null) {
            for (List<?> entry : entries) {
                int type = (Integer) entry.get(0);
                String value = String.valueOf(entry.get(1));
                if (type == DNS_NAME) {
                    dns.add(value.toLowerCase(Locale.ROOT));
                } else if (type == IP_ADDRESS) {
                    InetAddress address = literal(value);
                    if (address != null) {
                        ips.add(address);
                    }
                }
            }
        }
        return new CertificateNames(dns, ips);
    }

    /** The DNS names, wildcards included, in certificate order. */
    public Set<String> dnsNames() {
        return Set.copyOf(dnsNames);
    }

    /** Whether a client connecting to {@code host} (a host name or an IP literal) accepts the certificate. */
    public boolean covers(String host) {
        InetAddress address = literal(host);
        if (address != null) {
            return addresses.contains(address);
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (dnsNames.contains(name)) {
            return true;
        }
        String wildcard = wildcardFor(name);
        return wildcard != null && dnsNames.contains(wildcard);
    }

    /** Every host in {@code hosts} that this certificate does not cover. */
    public List<String> missing(Collection<String> hosts) {
        List<String> missing = new ArrayList<>();
        for (String host : hosts) {
            if (!covers(host)) {
                missing.add(host);
            }
        }
        return missing;
    }

    /** {@code a.example.test} becomes {@code *.example.test}; null when there is no parent with two labels. */
    static String wildcardFor(String hostName) {
        int dot = hostName.indexOf('.');
        if (dot <= 0 || hostName.indexOf('.', dot + 1) < 0) {
            return null; // "*.test" would stand for a whole top-level domain, which clients refuse
        }
        return "*" + hostName.substring(dot);
    }

    /** The address an IP literal names, or null for a host name (never a DNS lookup). */
    static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(h).matches() && !IPV6.matcher(h).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(h); // a literal: parsed, not resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
