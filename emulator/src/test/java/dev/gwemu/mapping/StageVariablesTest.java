package dev.gwemu.mapping;

import org.junit.jupiter.api.Test;

import static dev.gwemu.mapping.Requests.render;
import static dev.gwemu.mapping.Requests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** data-plane.md §5.5, {@code $stageVariables}. */
class StageVariablesTest {
    // §5.5 [D]: the three documented spellings.
    @Test
    void threeSpellings() {
        MappingInput input = request().stageVariable("color", "blue").stageVariable("url", "example.com/x").input();
        assertEquals("{ \"name\" : \"blue\"} blue blue example.com/x",
                render("{ \"name\" : \"$stageVariables.color\"} $stageVariables['color'] ${stageVariables['color']} ${stageVariables.url}", input));
    }

    // §5.5 [D][E]: a missing variable renders empty; without stage variables the map is empty, not null.
    @Test
    void missingRendersEmptyAndTheMapIsNeverNull() {
        MappingInput none = new MappingInput(null, null, null, null, null, null);
        assertEquals("[] [] {} 0 true", render("[$stageVariables.nope] [${stageVariables['nope']}] $stageVariables $stageVariables.size() "
                + "#if($stageVariables)true#end", none));
    }
}
