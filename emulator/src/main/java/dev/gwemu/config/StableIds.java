package dev.gwemu.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * API, resource and deployment ids in AWS's formats (lowercase alphanumerics), derived from names
 * so that they stay the same from one start to the next and URLs keep working.
 */
final class StableIds {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private StableIds() {
    }

    static String of(String seed, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            char[] id = new char[length];
            for (int i = 0; i < length; i++) {
                id[i] = ALPHABET[(hash[i] & 0xFF) % ALPHABET.length];
            }
            return new String(id);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
