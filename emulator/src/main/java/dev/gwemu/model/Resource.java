package dev.gwemu.model;

import java.util.Map;

/**
 * A REST API resource: a path template such as {@code /pets/{petId}} and its methods.
 *
 * @param id      6-character resource id ({@code requestContext.resourceId})
 * @param path    the path template
 * @param methods by HTTP method, {@code ANY} included
 */
public record Resource(String id, String path, Map<String, Method> methods) {
    public Resource {
        methods = Map.copyOf(methods);
    }
}
