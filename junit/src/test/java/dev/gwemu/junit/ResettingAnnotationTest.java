package dev.gwemu.junit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The annotation's resetBetweenTests, with base URLs injected. */
@GwemuTest(api = "src/test/resources/pets/api.yaml", startTime = "2026-11-25T09:00:00Z", resetBetweenTests = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResettingAnnotationTest {
    @Test
    @Order(1)
    void first(@GwemuBaseUrl URI dev) throws Exception {
        assertEquals(200, ResettingExtensionTest.pets(dev));
        assertEquals(200, ResettingExtensionTest.pets(dev));
        assertEquals(429, ResettingExtensionTest.pets(dev));
    }

    @Test
    @Order(2)
    void second(@GwemuBaseUrl URI dev) throws Exception {
        assertEquals(200, ResettingExtensionTest.pets(dev));
    }
}
