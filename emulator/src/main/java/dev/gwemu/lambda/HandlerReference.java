package dev.gwemu.lambda;

/**
 * A handler string as Lambda reads it: {@code pkg.Class} or {@code pkg.Class::method}
 * (split at the last {@code ::}).
 *
 * @param className  the handler class
 * @param methodName the method, or null for a RequestHandler / RequestStreamHandler class
 */
record HandlerReference(String className, String methodName) {

    /** @throws IllegalArgumentException for an empty class or method name, with Lambda's wording */
    static HandlerReference parse(String handler) {
        int separator = handler.lastIndexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? null : handler.substring(separator + 2);
        if (className.isBlank() || (methodName != null && methodName.isBlank())) {
            throw new IllegalArgumentException("Invalid handler: `" + handler + "'");
        }
        return new HandlerReference(className.strip(), methodName == null ? null : methodName.strip());
    }
}
