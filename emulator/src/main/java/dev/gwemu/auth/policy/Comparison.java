package dev.gwemu.auth.policy;

/** The ordering tests of the Numeric and Date condition operators. */
enum Comparison {
    EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

    /** @param order the request value compared to the policy value ({@code compareTo}'s sign) */
    boolean holds(int order) {
        return switch (this) {
            case EQUALS -> order == 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_EQUALS -> order <= 0;
            case GREATER_THAN -> order > 0;
            case GREATER_THAN_EQUALS -> order >= 0;
        };
    }
}
