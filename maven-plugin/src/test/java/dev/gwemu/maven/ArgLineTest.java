package dev.gwemu.maven;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgLineTest {
    private static Map<String, String> properties(String... namesAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void startsANewLineOrAppendsToTheOneThere() {
        Map<String, String> two = properties("gwemu.port", "4010", "gwemu.baseUrl", "http://127.0.0.1:4010/dev/");
        assertEquals("-Dgwemu.port=4010 -Dgwemu.baseUrl=http://127.0.0.1:4010/dev/", ArgLine.append(null, two));
        assertEquals("-Dgwemu.port=4010 -Dgwemu.baseUrl=http://127.0.0.1:4010/dev/", ArgLine.append("  ", two));
        assertEquals("-javaagent:/a.jar=x -Dgwemu.port=4010 -Dgwemu.baseUrl=http://127.0.0.1:4010/dev/",
                ArgLine.append("-javaagent:/a.jar=x ", two));
    }

    @Test
    void quotesWhatSurefireWouldSplit() {
        assertEquals("\"-Dgwemu.url.my api.$default=http://127.0.0.1:1/\"",
                ArgLine.append(null, properties("gwemu.url.my api.$default", "http://127.0.0.1:1/")));
        assertEquals("'-Dgwemu.hostHeader.say \"hi\"=x'", ArgLine.append(null, properties("gwemu.hostHeader.say \"hi\"", "x")));
        assertThrows(IllegalArgumentException.class,
                () -> ArgLine.append(null, properties("gwemu.hostHeader.it's \"odd\"", "x")));
    }
}
