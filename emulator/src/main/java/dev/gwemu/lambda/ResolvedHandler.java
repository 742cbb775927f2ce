package dev.gwemu.lambda;

import java.lang.reflect.Constructor;

/**
 * A handler string resolved at load: the class (loaded, not yet initialised), how to create its
 * instance, and how to call it.
 *
 * @param handlerClass the handler class
 * @param constructor  its public no-argument constructor, or null when the handler is a static method
 * @param adapter      runs the handler for one event
 */
record ResolvedHandler(Class<?> handlerClass, Constructor<?> constructor, HandlerAdapter adapter) {
}
