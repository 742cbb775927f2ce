package dev.gwemu.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The self-signed certificate kept in a project's state folder ({@code .gwemu/tls-cert.pem} and
 * {@code tls-key.pem}): made on first use and reused afterwards, so a user trusts it once. It is made
 * again when it has expired (or will within a day) or no longer names every host the project serves;
 * a pair that cannot be read is replaced too, since gwemu made it and nothing else depends on it.
 */
public final class StateFolderCertificate {
    public static final String CERTIFICATE_FILE = "tls-cert.pem";
    public static final String KEY_FILE = "tls-key.pem";
    /** Made again this long before it expires, so it does not expire while gwemu serves. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(1);

    /**
     * @param key       the certificate and its key
     * @param file      the certificate's PEM file, for {@code curl --cacert}
     * @param generated whether it was made just now (a client that trusted the old one must trust this one)
     * @param replaced  why an existing certificate was replaced, or null
     */
    public record Obtained(CertifiedKey key, Path file, boolean generated, String replaced) {
    }

    private StateFolderCertificate() {
    }

    /**
     * The certificate in {@code stateDir}, made or made again when it does not cover {@code names}.
     *
     * @param names host names and IP literals the certificate must cover
     */
    public static Obtained obtain(Path stateDir, Collection<String> names, Instant now) throws TlsSetupException {
        Path certificateFile = stateDir.resolve(CERTIFICATE_FILE);
        Path keyFile = stateDir.resolve(KEY_FILE);
        String replaced = null;
        if (Files.exists(certificateFile) || Files.exists(keyFile)) {
            try {
                CertifiedKey existing = PemFiles.read(certificateFile, keyFile);
                replaced = unfitness(existing, names, now);
                if (replaced == null) {
                    return new Obtained(existing, certificateFile, false, null);
                }
            } catch (TlsSetupException e) {
                replaced = "it could not be read (" + e.getMessage() + ")";
            }
        }
        CertifiedKey made = SelfSignedCertificate.create(names, now);
        store(made, stateDir, certificateFile, keyFile);
        return new Obtained(made, certificateFile, true, replaced);
    }

    /** Why the certificate cannot serve {@code names} at {@code now}, or null when it can. */
    private static String unfitness(CertifiedKey key, Collection<String> names, Instant now) {
        Instant notAfter = key.leaf().getNotAfter().toInstant();
        if (!now.plus(RENEW_BEFORE).isBefore(notAfter)) {
            return "it expires " + notAfter;
        }
        if (now.isBefore(key.leaf().getNotBefore().toInstant())) {
            return "it is not valid before " + key.leaf().getNotBefore().toInstant();
        }
        List<String> missing = key.names().missing(names);
        return missing.isEmpty() ? null : "it does not name " + String.join(", ", missing);
    }

    private static void store(CertifiedKey key, Path stateDir, Path certificateFile, Path keyFile) throws TlsSetupException {
        try {
            dev.gwemu.model.StateFolder.ensure(stateDir);
            // The key first: a reader that sees a new certificate with an old key replaces the pair again.
            write(keyFile, PemFiles.privateKeyPem(key.key()), "rw-------");
            write(certificateFile, PemFiles.certificatesPem(key.chain()), "rw-r--r--");
        } catch (IOException e) {
            throw new TlsSetupException("cannot write the self-signed certificate to " + stateDir + ": " + e, e);
        }
    }

    /**
     * Written beside the target, then moved over it, so no reader ever sees half a file. The permissions
     * (where the file system has POSIX ones) are set at creation, so the key is never readable by others.
     */
    private static void write(Path target, String pem, String posixPermissions) throws IOException {
        Path temporary;
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posixPermissions)));
        } else {
            temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        }
        try {
            Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
