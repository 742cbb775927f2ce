package dev.gwemu.model;

/** What an integration does with a request body no mapping template matches (data-plane.md §4.1). */
public enum PassthroughBehavior {
    /** The default: pass the body through unchanged. */
    WHEN_NO_MATCH,
    /** Pass through only when the integration has no templates at all; otherwise 415. */
    WHEN_NO_TEMPLATES,
    /** Always 415 without a matching template. */
    NEVER
}
