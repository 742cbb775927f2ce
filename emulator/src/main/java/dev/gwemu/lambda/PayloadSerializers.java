package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Picks the serializer for a handler's input or output type the way Lambda's Java runtime does
 * (aws-lambda-java-runtime-interface-client, EventHandlerLoader.getSerializer):
 * a {@link CustomPojoSerializer} the function registers through {@code META-INF/services} wins;
 * otherwise aws-lambda-java-events classes get {@link LambdaEventSerializers} (Jackson with the
 * events mixins, resolved against the function's loader); everything else gets
 * {@link JacksonFactory}. (The Gson path is for Android client contexts, which never occur here.)
 */
final class PayloadSerializers {
    private final ClassLoader functionLoader;
    private final CustomPojoSerializer custom;

    private PayloadSerializers(ClassLoader functionLoader, CustomPojoSerializer custom) {
        this.functionLoader = functionLoader;
        this.custom = custom;
    }

    /**
     * @throws IllegalStateException when the function registers more than one custom serializer
     *                               (Lambda refuses that too)
     */
    static PayloadSerializers forFunction(ClassLoader functionLoader) {
        Iterator<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, functionLoader).iterator();
        CustomPojoSerializer custom = found.hasNext() ? found.next() : null;
        if (found.hasNext()) {
            throw new IllegalStateException(
                    "Too many serializers provided inside the META-INF/services folder, only one is allowed");
        }
        return new PayloadSerializers(functionLoader, custom);
    }

    /**
     * The serializer for a type, built on first use: Lambda builds it while initialising the
     * function (the cold start), and building the events serializers takes a noticeable part of
     * a second, which a start-up should not pay for functions nobody calls.
     */
    PojoSerializer<Object> forType(Type type) {
        return new LazySerializer(() -> create(type));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private PojoSerializer<Object> create(Type type) {
        if (custom != null) {
            return new CustomSerializer(custom, type);
        }
        if (type instanceof Class<?> clazz && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
            return LambdaEventSerializers.serializerFor((Class) clazz, functionLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** Adapts the function's own serializer to the PojoSerializer shape, bound to one type. */
    private record CustomSerializer(CustomPojoSerializer serializer, Type type) implements PojoSerializer<Object> {
        @Override
        public Object fromJson(InputStream input) {
            return serializer.fromJson(input, type);
        }

        @Override
        public Object fromJson(String input) {
            return serializer.fromJson(input, type);
        }

        @Override
        public void toJson(Object value, OutputStream output) {
            serializer.toJson(value, output, type);
        }
    }

    /** Builds its delegate once, on the first call; safe under concurrent first calls. */
    private static final class LazySerializer implements PojoSerializer<Object> {
        private final java.util.function.Supplier<PojoSerializer<Object>> factory;
        private volatile PojoSerializer<Object> delegate;

        LazySerializer(java.util.function.Supplier<PojoSerializer<Object>> factory) {
            this.factory = factory;
        }

        private PojoSerializer<Object> delegate() {
            PojoSerializer<Object> d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        delegate = d = factory.get();
                    }
                }
            }
            return d;
        }

        @Override
        public Object fromJson(InputStream input) {
            return delegate().fromJson(input);
        }

        @Override
        public Object fromJson(String input) {
            return delegate().fromJson(input);
        }

        @Override
        public void toJson(Object value, OutputStream output) {
            delegate().toJson(value, output);
        }
    }
}
