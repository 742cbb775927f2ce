package dev.gwemu.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A code folder's version moves with its files, and not with what gwemu writes to its own state folder. */
class CodeVersionTest {
    @TempDir
    Path code;

    @Test
    void theStateFolderIsNotCode() throws Exception {
        Files.writeString(code.resolve("handler.js"), "exports.handler = async () => 1;");
        CodeVersion before = CodeVersion.of(code);

        Path key = Files.createDirectories(code.resolve(".gwemu")).resolve("cognito-signing-key.json");
        Files.writeString(key, "{\"kty\":\"RSA\"}");
        Files.setLastModifiedTime(key, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertEquals(before, CodeVersion.of(code));

        Files.writeString(code.resolve("handler.js"), "exports.handler = async () => 2;");
        Files.setLastModifiedTime(code.resolve("handler.js"), FileTime.fromMillis(System.currentTimeMillis() + 120_000));
        assertNotEquals(before, CodeVersion.of(code));
    }
}
