package dev.gwemu.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a recording, one exchange per line (blank lines are skipped). The whole file is read before anything is
 * replayed, so a bad line late in a long recording is reported before the run, not after it.
 */
public final class RecordingReader {
    /** An exchange and the line it was read from, for reports. */
    public record Entry(int line, Exchange exchange) {
    }

    private RecordingReader() {
    }

    /**
     * @throws RecordingException the first line that is not an exchange, with its number and why
     * @throws IOException        the file cannot be read at all
     */
    public static List<Entry> read(Path file) throws IOException, RecordingException {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(new Entry(number, ExchangeJson.read(line)));
                } catch (ExchangeFormatException e) {
                    throw new RecordingException(file, number, e.getMessage());
                }
            }
        } catch (CharacterCodingException e) {
            throw new RecordingException(file, number + 1, "not UTF-8 text");
        }
        return entries;
    }
}
