package dev.gwemu.pipeline;

import dev.gwemu.mapping.MappingInput;

import java.util.Map;

/** What templates and parameter mappings see of a request ({@link MappingInput}), built from the invocation. */
public final class MappingInputs {
    private MappingInputs() {
    }

    /**
     * @param body the payload as templates see it (binary as base64 text), or null for none
     */
    public static MappingInput of(Invocation inv, String accountId, String body) {
        Map<String, String> path = inv.route() == null ? Map.of() : inv.route().pathParameters();
        return new MappingInput(body, path, inv.query().all(), inv.request().headers().grouped(),
                ContextVariables.of(inv, accountId), inv.stage().variables());
    }
}
