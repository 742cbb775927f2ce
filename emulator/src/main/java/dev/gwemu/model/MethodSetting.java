package dev.gwemu.model;

/**
 * A stage's settings for one method ({@code methodSettings."/pets/GET"}, security-and-operations.md §1.5).
 *
 * @param throttle        the method's throttle, or null to use the stage's
 * @param cachingEnabled  whether responses of this method are cached, or null for the stage's default
 * @param cacheTtlSeconds the method's cache TTL, or null for the stage's
 */
public record MethodSetting(Throttle throttle, Boolean cachingEnabled, Integer cacheTtlSeconds) {
}
