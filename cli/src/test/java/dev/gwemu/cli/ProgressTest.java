package dev.gwemu.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A blocking step's progress: nothing when it is quick, then what the step says now (ProgressLine draws it). */
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
    void aSlowStepSaysWhatItIsDoingNow() throws Exception {
        AtomicInteger step = new AtomicInteger(1);
        try (Progress progress = Progress.of(err, false, () -> "step " + step.get() + " of 2")) {
            step.set(2);
            Thread.sleep(2_000);
        }
        assertEquals("gwemu: step 2 of 2 (1 s)" + System.lineSeparator(), text());
    }

    @Test
    void onATerminalTheLineIsErasedAtTheEnd() throws Exception {
        try (Progress progress = Progress.of(err, true, () -> "loading api.yaml")) {
            Thread.sleep(1_600);
        }
        String text = text();
        assertTrue(text.startsWith("\rgwemu: loading api.yaml (1 s)"), text);
        assertTrue(text.endsWith("\r"), text);
        assertTrue(!text.contains("\n"), text);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
