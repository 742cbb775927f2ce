package dev.gwemu.support;

import java.nio.file.Path;

/** Where the shared test material lives, seen from the emulator module (surefire's working directory). */
public final class TestPaths {
    public static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path TESTDATA = PROJECT_ROOT.resolve("testdata");
    public static final Path LEAN_JAR = TESTDATA.resolve("handlers/target/test-handlers-lean.jar");
    public static final Path FAT_JAR = TESTDATA.resolve("handlers/target/test-handlers-fat.jar");
    public static final Path CONFORMANCE_API = TESTDATA.resolve("conformance/rest-api/api.yaml");
    public static final Path CONFORMANCE_CASES = TESTDATA.resolve("conformance/cases");

    private TestPaths() {
    }
}
