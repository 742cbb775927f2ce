package dev.gwemu.model;

/** A REST API's endpoint type (security-and-operations.md §5); EDGE when nothing says otherwise. */
public enum EndpointType {
    EDGE, REGIONAL, PRIVATE
}
