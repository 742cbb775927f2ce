package dev.gwemu.httpapi.mapping;

/** One piece of a compiled value expression: static text, or a {@code $...} reference read per request. */
sealed interface ValuePart permits ValuePart.Literal, ValueReference {
    /** Static text, copied as written. */
    record Literal(String text) implements ValuePart {
    }
}
