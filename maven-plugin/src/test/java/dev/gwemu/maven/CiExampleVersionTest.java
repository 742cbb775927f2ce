package dev.gwemu.maven;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sample-apis/ci-example has no parent (it is the pom a user copies), so it names gwemu's version itself. In this
 * reactor it must name this build's version: another would take stale artifacts from the local repository.
 */
class CiExampleVersionTest {
    @Test
    void ciExampleUsesThisBuildsVersion() throws Exception {
        String pom = Files.readString(Path.of("../sample-apis/ci-example/pom.xml"));
        Matcher version = Pattern.compile("<gwemu\\.version>([^<]+)</gwemu\\.version>").matcher(pom);

        assertTrue(version.find(), "ci-example's pom.xml sets no gwemu.version property");
        assertEquals(System.getProperty("gwemu.projectVersion"), version.group(1),
                "sample-apis/ci-example/pom.xml: set <gwemu.version> to the version in the root pom.xml");
    }
}
