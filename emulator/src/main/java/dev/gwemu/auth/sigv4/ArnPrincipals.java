package dev.gwemu.auth.sigv4;

import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.model.CredentialSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The caller identity AWS shows for a credential's ARN (security-and-operations.md §3.1,
 * {@code requestContext.identity}). AWS's principal ids are opaque; gwemu derives them from the ARN
 * so they are the same on every run: {@code AIDA} + 17 characters for an IAM user,
 * {@code AROA} + 17 characters + {@code :session} for an assumed role (the role's id does not
 * depend on the session), the account id for the root user, {@code account:name} for a federated user.
 */
final class ArnPrincipals {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int ID_LENGTH = 17;

    private ArnPrincipals() {
    }

    static CallerIdentity identityOf(CredentialSpec credential) {
        String arn = credential.arn();
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || parts[4].isEmpty() || parts[5].isEmpty()) {
            throw new IllegalArgumentException("credential " + credential.accessKeyId()
                    + ": arn must look like arn:aws:iam::111122223333:user/alice, not " + arn);
        }
        String principal = principalId(parts[1], parts[2], parts[4], parts[5], arn);
        return new CallerIdentity(credential.accessKeyId(), parts[4], principal, principal, arn);
    }

    private static String principalId(String partition, String service, String account, String resource, String arn) {
        if (service.equals("iam") && resource.equals("root")) {
            return account;
        }
        if (service.equals("sts") && resource.startsWith("assumed-role/")) {
            String roleAndSession = resource.substring("assumed-role/".length());
            int slash = roleAndSession.indexOf('/');
            String role = slash < 0 ? roleAndSession : roleAndSession.substring(0, slash);
            String session = slash < 0 ? "" : roleAndSession.substring(slash + 1);
            return roleId(partition, account, role) + ":" + session;
        }
        if (service.equals("sts") && resource.startsWith("federated-user/")) {
            return account + ":" + resource.substring("federated-user/".length());
        }
        if (service.equals("iam") && resource.startsWith("role/")) {
            String role = resource.substring(resource.lastIndexOf('/') + 1);
            return roleId(partition, account, role);
        }
        return "AIDA" + stableId(arn);
    }

    private static String roleId(String partition, String account, String role) {
        return "AROA" + stableId("arn:" + partition + ":iam::" + account + ":role/" + role);
    }

    /** 17 base32 characters (A-Z, 2-7: upper-case alphanumerics like AWS's) of the seed's SHA-256. */
    static String stableId(String seed) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        StringBuilder id = new StringBuilder(ID_LENGTH);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; id.length() < ID_LENGTH; ) {
            if (bits < 5) {
                buffer = (buffer << 8) | (hash[i++] & 0xFF);
                bits += 8;
            }
            id.append(BASE32[(buffer >> (bits - 5)) & 0x1F]);
            bits -= 5;
        }
        return id.toString();
    }
}
