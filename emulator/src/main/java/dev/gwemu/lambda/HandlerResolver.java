package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Turns a handler string into a {@link ResolvedHandler}, accepting exactly the forms Lambda's Java
 * runtime accepts (aws-lambda-java-runtime-interface-client, EventHandlerLoader), with its choice
 * among overloads. All reflection happens here, at load; the class is not initialised.
 * Anything Lambda would reject is a {@link HandlerRejectedException} with Lambda's wording.
 */
final class HandlerResolver {
    // Lambda's overload priority: real methods before bridges, then longer signatures first,
    // where a trailing Context counts as one more parameter.
    private static final Comparator<Method> PRIORITY = Comparator
            .comparing(Method::isBridge)
            .thenComparingInt(m -> -weight(m));

    private final ClassLoader loader;
    private final PayloadSerializers serializers;

    HandlerResolver(ClassLoader loader, PayloadSerializers serializers) {
        this.loader = loader;
        this.serializers = serializers;
    }

    /** A handler Lambda would refuse, with the reason in Lambda's words where it has some. */
    static final class HandlerRejectedException extends Exception {
        private static final long serialVersionUID = 1L;

        HandlerRejectedException(String message) {
            super(message);
        }

        HandlerRejectedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    ResolvedHandler resolve(HandlerReference reference) throws HandlerRejectedException {
        Class<?> handlerClass;
        try {
            handlerClass = Class.forName(reference.className(), false, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerRejectedException("Class not found: " + reference.className(), e);
        } catch (LinkageError e) {
            throw new HandlerRejectedException("Error loading class " + reference.className() + ": " + e, e);
        }
        try {
            return reference.methodName() == null
                    ? resolveClass(handlerClass)
                    : resolveMethod(handlerClass, reference.methodName());
        } catch (LinkageError | TypeNotPresentException e) {
            // typically a lean jar whose handler uses classes it does not bundle (aws-lambda-java-events)
            throw new HandlerRejectedException("Class " + handlerClass.getName()
                    + " refers to a class that is not in the function's code: " + e, e);
        }
    }

    private ResolvedHandler resolveClass(Class<?> handlerClass) throws HandlerRejectedException {
        if (RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
            return new ResolvedHandler(handlerClass, constructor(handlerClass), new StreamHandlerAdapter());
        }
        if (RequestHandler.class.isAssignableFrom(handlerClass)) {
            Type[] types = RequestHandlerTypes.of(handlerClass);
            if (types == null) {
                throw new HandlerRejectedException("Class " + handlerClass.getName()
                        + " does not implement RequestHandler with concrete type parameters");
            }
            for (Type type : types) {
                if (type instanceof TypeVariable<?> variable
                        && Arrays.stream(variable.getBounds()).allMatch(Object.class::equals)) {
                    throw new HandlerRejectedException("Class " + handlerClass.getName()
                            + " does not implement RequestHandler with concrete type parameters: parameter "
                            + variable + " has no upper bound.");
                }
            }
            Constructor<?> constructor = constructor(handlerClass);
            return new ResolvedHandler(handlerClass, constructor,
                    new RequestHandlerAdapter(conversion(types[0], types[1])));
        }
        throw new HandlerRejectedException(
                "Class does not implement an appropriate handler interface: " + handlerClass.getName());
    }

    private ResolvedHandler resolveMethod(Class<?> handlerClass, String methodName) throws HandlerRejectedException {
        Method[] candidates = Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals(methodName))
                .sorted(PRIORITY)
                .toArray(Method[]::new);
        for (Method method : candidates) {
            HandlerAdapter adapter = adapterFor(method);
            if (adapter != null) {
                Constructor<?> constructor = Modifier.isStatic(method.getModifiers()) ? null : constructor(handlerClass);
                requirePublic(handlerClass);
                return new ResolvedHandler(handlerClass, constructor, adapter);
            }
        }
        throw new HandlerRejectedException("No public method named " + methodName
                + " with appropriate method signature found on class " + handlerClass.getName());
    }

    /** The adapter for one overload, or null when Lambda would skip that signature. */
    private HandlerAdapter adapterFor(Method method) {
        Type[] params = method.getGenericParameterTypes();
        Type result = method.getGenericReturnType();
        switch (params.length) {
            case 0:
                return new PojoMethodAdapter(method, false, false, conversion(null, result));
            case 1:
                if (params[0] == InputStream.class) {
                    return new StreamMethodAdapter(method, true, false, false);
                }
                if (params[0] == OutputStream.class) {
                    return new StreamMethodAdapter(method, false, true, false);
                }
                if (params[0] == Context.class) {
                    return new PojoMethodAdapter(method, false, true, conversion(null, result));
                }
                return new PojoMethodAdapter(method, true, false, conversion(params[0], result));
            case 2:
                if (params[0] == OutputStream.class) {
                    return params[1] == Context.class ? new StreamMethodAdapter(method, false, true, true) : null;
                }
                if (params[0] == Context.class) {
                    return null;
                }
                if (params[0] == InputStream.class) {
                    if (params[1] == OutputStream.class) {
                        return new StreamMethodAdapter(method, true, true, false);
                    }
                    return params[1] == Context.class ? new StreamMethodAdapter(method, true, false, true) : null;
                }
                return params[1] == Context.class
                        ? new PojoMethodAdapter(method, true, true, conversion(params[0], result))
                        : null;
            case 3:
                return params[0] == InputStream.class && params[1] == OutputStream.class && params[2] == Context.class
                        ? new StreamMethodAdapter(method, true, true, true)
                        : null;
            default:
                return null;
        }
    }

    private PayloadConversion conversion(Type input, Type output) {
        return new PayloadConversion(
                input == null ? null : serializers.forType(input),
                isVoid(output) ? null : serializers.forType(output));
    }

    private static boolean isVoid(Type type) {
        return type == void.class || (type instanceof Class<?> c && Void.class.isAssignableFrom(c));
    }

    private static int weight(Method method) {
        Class<?>[] params = method.getParameterTypes();
        boolean endsWithContext = params.length > 0 && params[params.length - 1] == Context.class;
        return params.length + (endsWithContext ? 1 : 0);
    }

    private static Constructor<?> constructor(Class<?> handlerClass) throws HandlerRejectedException {
        requirePublic(handlerClass);
        if (Modifier.isAbstract(handlerClass.getModifiers())) {
            throw new HandlerRejectedException("Class " + handlerClass.getName()
                    + " cannot be instantiated because it is abstract");
        }
        try {
            return handlerClass.getConstructor();
        } catch (NoSuchMethodException e) {
            if (handlerClass.getEnclosingClass() != null && !Modifier.isStatic(handlerClass.getModifiers())) {
                throw new HandlerRejectedException("Class " + handlerClass.getName()
                        + " cannot be instantiated because it is a non-static inner class");
            }
            throw new HandlerRejectedException("Class " + handlerClass.getName()
                    + " has no public zero-argument constructor");
        }
    }

    // Lambda would fail at the first call with IllegalAccessException; gwemu says so at load.
    private static void requirePublic(Class<?> handlerClass) throws HandlerRejectedException {
        if (!Modifier.isPublic(handlerClass.getModifiers())) {
            throw new HandlerRejectedException("Class " + handlerClass.getName() + " is not public");
        }
    }
}
