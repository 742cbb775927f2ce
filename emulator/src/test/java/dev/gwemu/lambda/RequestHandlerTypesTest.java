package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RequestHandlerTypesTest {

    static class Direct implements RequestHandler<String, Integer> {
        public Integer handleRequest(String input, Context context) {
            return 0;
        }
    }

    abstract static class Base<A, B> implements RequestHandler<B, List<A>> {
    }

    static class Swapped extends Base<Long, Map<String, Object>> {
        public List<Long> handleRequest(Map<String, Object> input, Context context) {
            return List.of();
        }
    }

    interface StringHandler<O> extends RequestHandler<String, O> {
    }

    static class ViaInterface implements StringHandler<Boolean> {
        public Boolean handleRequest(String input, Context context) {
            return true;
        }
    }

    @SuppressWarnings("rawtypes")
    static class Raw implements RequestHandler {
        public Object handleRequest(Object input, Context context) {
            return input;
        }
    }

    @Test
    void directTypeArguments() {
        assertArrayEquals(new Type[] {String.class, Integer.class}, RequestHandlerTypes.of(Direct.class));
    }

    @Test
    void typeVariablesFollowedThroughASuperclassInTheirOwnOrder() {
        Type[] types = RequestHandlerTypes.of(Swapped.class);

        assertEquals(Map.class, ((ParameterizedType) types[0]).getRawType());
        assertEquals(List.class, ((ParameterizedType) types[1]).getRawType());
    }

    @Test
    void typeVariablesFollowedThroughAnInterface() {
        assertArrayEquals(new Type[] {String.class, Boolean.class}, RequestHandlerTypes.of(ViaInterface.class));
    }

    @Test
    void rawHandlersHaveNoTypes() {
        assertNull(RequestHandlerTypes.of(Raw.class));
    }
}
