package dev.gwemu.auth.sigv4;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** SHA-256 and HmacSHA256, with one digest and one Mac per thread so a request allocates no provider lookups. */
final class Sha256 {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> create(() -> MessageDigest.getInstance("SHA-256")));
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> create(() -> Mac.getInstance("HmacSHA256")));

    private Sha256() {
    }

    static String hex(byte[] data) {
        return toHex(DIGEST.get().digest(data));
    }

    static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, String data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an HmacSHA256 key of any length is valid", e);
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    static String toHex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0x0F];
            out[2 * i + 1] = HEX[bytes[i] & 0x0F];
        }
        return new String(out);
    }

    private interface Factory<T> {
        T create() throws GeneralSecurityException;
    }

    private static <T> T create(Factory<T> factory) {
        try {
            return factory.create();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256 and HmacSHA256", e);
        }
    }
}
