package dev.gwemu.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressLineTest {
    final StringWriter err = new StringWriter();
    final AtomicLong now = new AtomicLong(5_000_000_000L);
    final AtomicInteger flushes = new AtomicInteger();

    private ProgressLine progress(boolean terminal) {
        return new ProgressLine(new PrintWriter(err, true), terminal, now::get, flushes::incrementAndGet);
    }

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void inALogALineComesAfterASecondThenEveryFewSeconds() {
        ProgressLine line = progress(false);
        line.update("1 of 9");
        advanceMillis(999);
        line.update("2 of 9");
        assertEquals("", err.toString(), "quiet during the first second");
        advanceMillis(1);
        line.update("3 of 9");
        advanceMillis(4999);
        line.update("4 of 9");
        advanceMillis(1);
        line.update("5 of 9");
        line.clear();
        assertEquals("3 of 9 (1 s)\n5 of 9 (6 s)\n", err.toString().replace(System.lineSeparator(), "\n"));
        assertEquals(2, flushes.get(), "standard output written out before each line");
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndCleared() {
        ProgressLine line = progress(true);
        advanceMillis(1500);
        line.update("10 of 200");
        advanceMillis(50);
        line.update("11 of 200");
        advanceMillis(50);
        line.update("9 of 200");
        line.clear();
        line.clear();
        assertEquals("\r10 of 200 (1 s)\r9 of 200 (1 s) \r" + " ".repeat(15) + "\r", err.toString());
    }
}
