package dev.gwemu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A testdata project copied into a test's folder (so what it writes, logs and keys, stays out of the source tree),
 * its {@code ../handlers/target/} jars pointed back at the built test handler jars.
 */
public final class HandlerJarProject {
    private HandlerJarProject() {
    }

    /** @return the copy's api.yaml */
    public static Path copy(Path source, Path into) throws IOException {
        RunningGateway.requireHandlerJars();
        ProjectCopy.of(source, into);
        Path apiYaml = into.resolve("api.yaml");
        Files.writeString(apiYaml, Files.readString(apiYaml)
                .replace("../handlers/target/", TestPaths.TESTDATA.resolve("handlers/target") + "/"));
        return apiYaml;
    }
}
