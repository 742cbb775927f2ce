package dev.gwemu.websocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagementPathTest {
    @Test
    void theSdksPathGivesTheStageAndTheEncodedId() {
        ManagementPath p = ManagementPath.parse("/production/@connections/L0SM9cOFvHcCIhw%3D");

        assertEquals(new ManagementPath("production", "L0SM9cOFvHcCIhw%3D"), p);
        assertEquals("L0SM9cOFvHcCIhw=", p.connectionId());
        assertEquals("production/@connections/L0SM9cOFvHcCIhw%3D", p.route());
        assertTrue(ConnectionsApi.matches("/production/@connections/L0SM9cOFvHcCIhw%3D"));
    }

    @Test
    void anEncodedAtSignAsAwscurlSendsItMatchesToo() {
        assertEquals(new ManagementPath("prod", "R0oXAdfD0kwCH6w%3D"), ManagementPath.parse("/prod/%40connections/R0oXAdfD0kwCH6w%3D"));
    }

    @Test
    void decodingIsUtf8AndKeepsPlusAndMalformedEscapes() {
        assertEquals("a/b c+d", new ManagementPath("dev", "a%2Fb%20c+d").connectionId());
        assertEquals("é€", new ManagementPath("dev", "%C3%A9%E2%82%AC").connectionId());
        assertEquals("100%", new ManagementPath("dev", "100%").connectionId());
        assertEquals("%zz=", new ManagementPath("dev", "%zz%3d").connectionId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/@connections", "/dev/@connections/", "/dev/@connections/abc/", "/dev/@connections/a/b",
            "/dev/pets/abc", "//@connections/abc", "dev/@connections/abc", "/dev/@Connections/abc", "/a/dev/@connections/abc", "/"})
    void otherPathsDoNotMatch(String path) {
        assertNull(ManagementPath.parse(path));
        assertFalse(ConnectionsApi.matches(path));
    }

    @Test
    void aPathWithoutAStageIsTold() {
        assertTrue(ManagementPath.missingStage("/@connections/abc%3D"));
        assertTrue(ManagementPath.missingStage("/@connections"));
        assertFalse(ManagementPath.missingStage("/dev/@connections/abc"));
        assertFalse(ManagementPath.missingStage("/pets"));
    }
}
