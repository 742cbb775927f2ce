package dev.gwemu.usage;

import java.util.Map;
import java.util.Objects;

/**
 * A stage's throttles (security-and-operations.md §1.5, §2.4): the stage default ({@code methodSettings."*\/*"})
 * and the methods' own, keyed like {@code /pets/GET} ({@code //GET} for the root).
 *
 * @param stageDefault the {@code *\/*} throttle, or null when the stage has none (only the account's applies)
 * @param methods      the throttles of methods with their own setting; methods without one are left out
 */
public record StageThrottling(ThrottleLimit stageDefault, Map<String, ThrottleLimit> methods) {
    /** A stage with no throttles of its own. */
    public static final StageThrottling NONE = new StageThrottling(null, Map.of());

    public StageThrottling {
        methods = Map.copyOf(Objects.requireNonNull(methods, "methods"));
    }

    /** Only a stage default. */
    public static StageThrottling of(ThrottleLimit stageDefault) {
        return new StageThrottling(stageDefault, Map.of());
    }
}
