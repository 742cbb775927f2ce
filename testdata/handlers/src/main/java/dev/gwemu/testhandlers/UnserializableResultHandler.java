package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;

/** Returns a bean that refers to itself, which Lambda's Jackson setup refuses to serialise. */
public class UnserializableResultHandler implements RequestHandler<Map<String, Object>, UnserializableResultHandler.Loop> {
    @Override
    public Loop handleRequest(Map<String, Object> input, Context context) {
        return new Loop();
    }

    public static class Loop {
        public Loop getSelf() {
            return this;
        }
    }
}
