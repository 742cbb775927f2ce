package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the actual {@code I} and {@code O} of a class's {@code RequestHandler<I, O>}, following type
 * variables through generic superclasses and interfaces ({@code class A extends Base<Map<String, Object>>}
 * where {@code Base<T> implements RequestHandler<T, String>}).
 */
final class RequestHandlerTypes {
    private RequestHandlerTypes() {
    }

    /** @return {I, O}, or null when the class implements only the raw RequestHandler */
    static Type[] of(Class<?> handlerClass) {
        return find(handlerClass, Map.of());
    }

    private static Type[] find(Type type, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                bindings.put(variables[i], argument instanceof TypeVariable<?> v ? outer.getOrDefault(v, v) : argument);
            }
        } else if (type instanceof Class<?> c) {
            raw = c;
        } else {
            return null;
        }
        if (!RequestHandler.class.isAssignableFrom(raw)) {
            return null;
        }
        if (raw == RequestHandler.class) {
            if (bindings.isEmpty()) {
                return null; // the raw type: no concrete parameters
            }
            TypeVariable<?>[] variables = RequestHandler.class.getTypeParameters();
            return new Type[] {bindings.get(variables[0]), bindings.get(variables[1])};
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = find(parent, bindings);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, bindings);
    }
}
