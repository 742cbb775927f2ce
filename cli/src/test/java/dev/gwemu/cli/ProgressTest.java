package dev.gwemu.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress lines: none for a quick step, then what the step says, rewritten in place on a terminal. */
class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aQuickStepPrintsNothing() {
        try (Progress progress = Progress.of(err, true, () -> "loading")) {
            assertEquals("", text());
        }
        assertEquals("", text());
    }

    @Test
    void onATerminalTheLineIsRewrittenAndErasedAtTheEnd() throws Exception {
        AtomicInteger done = new AtomicInteger();
        try (Progress progress = Progress.of(err, true, () -> "replayed " + done.get() + " of 10")) {
            done.set(3);
            Thread.sleep(2_300);
        }
        String text = text();
        assertTrue(text.startsWith("\r\033[Kgwemu: replayed 3 of 10 (1 s)\r\033[Kgwemu: replayed 3 of 10 (2 s)"), text);
        assertTrue(text.endsWith("\r\033[K"), text);
        assertTrue(!text.contains("\n"), text);
    }

    @Test
    void elsewhereOneLineAfterASecondThenEveryTenSeconds() throws Exception {
        try (Progress progress = Progress.of(err, false, () -> "loading api.yaml")) {
            Thread.sleep(2_300);
        }
        assertEquals("gwemu: loading api.yaml (1 s)" + System.lineSeparator(), text());
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
