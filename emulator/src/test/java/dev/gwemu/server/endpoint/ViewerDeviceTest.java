package dev.gwemu.server.endpoint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CloudFront-Is-*-Viewer device read from a User-Agent (security-and-operations.md §5.1). */
class ViewerDeviceTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none | DESKTOP",
            "curl/8.5.0 | DESKTOP",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 | DESKTOP",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 | MOBILE",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 | MOBILE",
            "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Mobile/15E148 | TABLET",
            "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 | TABLET",
            "Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 SamsungBrowser/4.0 TV Safari/537.36 | SMART_TV",
            "Mozilla/5.0 (Linux; Android 9; BRAVIA 4K GB) AppleWebKit/537.36 Chrome/72.0 Safari/537.36 HbbTV/1.4.1 | SMART_TV",
    })
    void readsTheAgent(String userAgent, ViewerDevice expected) {
        assertEquals(expected, ViewerDevice.of(userAgent));
    }
}
