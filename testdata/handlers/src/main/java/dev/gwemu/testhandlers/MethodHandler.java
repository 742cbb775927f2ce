package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** No handler interface: bound as {@code dev.gwemu.testhandlers.MethodHandler::handle}. */
public class MethodHandler {
    public Map<String, Object> handle(Map<String, Object> event, Context context) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", 200);
        response.put("body", "method:" + context.getFunctionName());
        return response;
    }
}
