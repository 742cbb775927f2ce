package dev.gwemu.model;

/** {@code contentHandling} of an integration or integration response (data-plane.md §4.1, §4.2). */
public enum ContentHandling {
    CONVERT_TO_TEXT,
    CONVERT_TO_BINARY
}
