package dev.gwemu.model;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder gwemu keeps what it generates in ({@code .gwemu/} beside api.yaml: signing keys, certificates).
 * It holds private keys, so it ignores itself for git: a {@code git add .} never commits them.
 */
public final class StateFolder {
    static final String GITIGNORE = "# made by gwemu: private keys and certificates, never to be committed\n*\n";

    private StateFolder() {
    }

    /** Creates the folder (and its .gitignore) when missing. */
    public static void ensure(Path folder) throws IOException {
        Files.createDirectories(folder);
        try {
            Files.writeString(folder.resolve(".gitignore"), GITIGNORE, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            // kept as the user left it
        }
    }
}
