package dev.gwemu.samples;

import dev.gwemu.config.ProjectLoader;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A sample is what a newcomer copies: it loads without a warning (weather's disabled API key warns on purpose). */
class SamplesLoadCleanlyTest {
    @ParameterizedTest
    @ValueSource(strings = {"petstore", "notes-js", "orders", "team-docs", "bookmarks-http", "chat", "bench", "ingest"})
    void loadsWithoutWarnings(String sample) throws Exception {
        var loaded = ProjectLoader.load(TestPaths.PROJECT_ROOT.resolve("sample-apis").resolve(sample).resolve("api.yaml"));
        assertEquals(List.of(), loaded.warnings().stream().map(Object::toString).toList());
    }
}
