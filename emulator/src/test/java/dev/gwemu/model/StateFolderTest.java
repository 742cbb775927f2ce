package dev.gwemu.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The state folder ignores itself for git, and a .gitignore the user changed stays as it is. */
class StateFolderTest {
    @TempDir
    Path dir;

    @Test
    void createsTheFolderWithAGitignoreThatIgnoresEverything() throws Exception {
        Path state = dir.resolve("project/.gwemu");
        StateFolder.ensure(state);
        assertEquals(StateFolder.GITIGNORE, Files.readString(state.resolve(".gitignore")));
        Files.writeString(state.resolve(".gitignore"), "tls-cert.pem\n");
        StateFolder.ensure(state);
        assertEquals("tls-cert.pem\n", Files.readString(state.resolve(".gitignore")));
    }
}
