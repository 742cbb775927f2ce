package dev.gwemu.httpapi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stage selection for HTTP APIs, data-plane.md §3.1. */
class HttpStageSelectionTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // stages | raw path | expected "stage path" or "-" for 404
            "prod,$default|/prod/pets|prod /pets",
            "prod,$default|/prod|prod /",
            "prod,$default|/prod/|prod /",
            "prod,$default|/pets/1|$default /pets/1",
            "prod,$default|/|$default /",
            "prod,$default|/production/x|$default /production/x",
            "prod,$default|/$default/x|$default /$default/x",
            "prod|/pets|-",
            "prod|/|-",
            "prod|/Prod/pets|-",
            "prod,dev|/dev/a/b|dev /a/b",
            "$default|/prod/pets|$default /prod/pets",
    })
    void selects(String stages, String path, String expected) {
        HttpStageSelection s = HttpStageSelection.select(Set.of(stages.split(",")), path);
        assertEquals(expected, s == null ? "-" : s.stage() + " " + s.path());
    }
}
