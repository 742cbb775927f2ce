package dev.gwemu.server.tls;

import dev.gwemu.model.DomainSpec;
import dev.gwemu.model.Project;

import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a gateway serves HTTPS with: a default certificate (gwemu's self-signed one from the state folder,
 * or the user's), each custom domain's own certificate chosen by SNI, and what a user should be told
 * about them (fingerprints to trust, certificates that will not satisfy clients).
 *
 * @param context      the server {@link SSLContext} to listen with
 * @param certificates the default certificate first, then one per domain certificate
 * @param notices      what changed, e.g. why a new self-signed certificate was made
 * @param warnings     certificates a client will refuse: expired, or not naming a host they serve
 */
public record GatewayTls(SSLContext context, List<ServedCertificate> certificates, List<String> notices,
                         List<String> warnings) {
    /** Host names every gateway answers on: the loopback names and the execute-api hosts of its APIs. */
    public static final List<String> LOCAL_NAMES = List.of("localhost", "*.execute-api.localhost", "127.0.0.1", "::1");

    public GatewayTls {
        certificates = List.copyOf(certificates);
        notices = List.copyOf(notices);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param domain      the custom domain it is served for, or null for the default certificate
     * @param file        its PEM file
     * @param fingerprint its SHA-256 fingerprint, {@code AB:CD:...}
     * @param generated   whether gwemu made it just now
     * @param notAfter    when it expires
     */
    public record ServedCertificate(String domain, Path file, String fingerprint, boolean generated, Instant notAfter) {
    }

    /**
     * The state folder's self-signed certificate as the default (made when missing, expired or not naming
     * every host: {@link #LOCAL_NAMES}, each custom domain, and {@code bindHost} when it is a specific
     * address), and each domain's own certificate.
     */
    public static GatewayTls selfSigned(Project project, String bindHost, Instant now) throws TlsSetupException {
        Set<String> names = new LinkedHashSet<>(LOCAL_NAMES);
        project.domains().forEach(domain -> names.add(domain.name()));
        if (isSpecificRemoteAddress(bindHost)) {
            names.add(bindHost);
        }
        StateFolderCertificate.Obtained obtained = StateFolderCertificate.obtain(project.stateDir(), names, now);
        List<String> notices = new ArrayList<>();
        if (obtained.generated()) {
            notices.add("made a self-signed certificate for " + String.join(", ", names)
                    + (obtained.replaced() == null ? "" : " (the previous one was replaced: " + obtained.replaced() + ")"));
        }
        return build(project, obtained.key(), obtained.file(), obtained.generated(), notices, now);
    }

    /** The user's certificate and key (PEM) as the default, and each domain's own certificate. */
    public static GatewayTls fromFiles(Project project, Path certificateFile, Path keyFile, Instant now) throws TlsSetupException {
        return build(project, PemFiles.read(certificateFile, keyFile), certificateFile, false, new ArrayList<>(), now);
    }

    private static GatewayTls build(Project project, CertifiedKey defaultKey, Path defaultFile, boolean generated,
                                    List<String> notices, Instant now) throws TlsSetupException {
        List<ServedCertificate> served = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        served.add(served(null, defaultKey, defaultFile, generated));
        expiry(defaultKey, defaultFile, now, warnings);
        Map<String, CertifiedKey> byHost = new LinkedHashMap<>();
        Map<String, CertifiedKey> wildcards = new LinkedHashMap<>();
        for (DomainSpec domain : project.domains()) {
            if (domain.certificate() == null) {
                if (!defaultKey.names().covers(domain.name())) {
                    warnings.add("domain " + domain.name() + " has no certificate of its own and " + defaultFile
                            + " does not name it: clients will refuse the connection");
                }
                continue;
            }
            CertifiedKey own;
            try {
                own = PemFiles.read(domain.certificate(), domain.key());
            } catch (TlsSetupException e) {
                throw new TlsSetupException("domain " + domain.name() + ": " + e.getMessage(), e);
            }
            byHost.put(domain.name(), own);
            for (String name : own.names().dnsNames()) {
                if (name.startsWith("*.")) {
                    wildcards.putIfAbsent(name, own); // serves sibling names the certificate also covers
                }
            }
            served.add(served(domain.name(), own, domain.certificate(), false));
            expiry(own, domain.certificate(), now, warnings);
            if (!own.names().covers(domain.name())) {
                warnings.add("domain " + domain.name() + ": " + domain.certificate() + " does not name "
                        + domain.name() + " (it names " + String.join(", ", own.names().dnsNames())
                        + "): clients will refuse the connection");
            }
        }
        wildcards.forEach(byHost::putIfAbsent); // a domain's own certificate wins over another one's wildcard
        return new GatewayTls(ServerSslContext.create(defaultKey, byHost), served, notices, warnings);
    }

    private static ServedCertificate served(String domain, CertifiedKey key, Path file, boolean generated) {
        return new ServedCertificate(domain, file, key.fingerprint(), generated, key.leaf().getNotAfter().toInstant());
    }

    private static void expiry(CertifiedKey key, Path file, Instant now, List<String> warnings) {
        Instant notAfter = key.leaf().getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            warnings.add(file + " expired " + notAfter + ": clients will refuse the connection");
        } else if (now.isBefore(key.leaf().getNotBefore().toInstant())) {
            warnings.add(file + " is not valid before " + key.leaf().getNotBefore().toInstant());
        }
    }

    /** A specific address or name other than loopback: clients connect to it by that name. */
    private static boolean isSpecificRemoteAddress(String host) {
        if (host == null || host.isEmpty() || host.equalsIgnoreCase("localhost")) {
            return false;
        }
        InetAddress address = CertificateNames.literal(host);
        return address == null || !(address.isAnyLocalAddress() || address.isLoopbackAddress());
    }
}
