package dev.gwemu.httpapi.mapping;

import java.util.List;

/**
 * A compiled parameter mapping value: static text and {@code $source} references in the order written, as in
 * {@code "Hello ${request.header.name}"}. Built once at load by {@link ValueExpressionParser}; immutable.
 */
final class ValueExpression {
    private final List<ValuePart> parts;
    private final boolean hasReference;
    private final boolean hasText;

    ValueExpression(List<ValuePart> parts) {
        this.parts = List.copyOf(parts);
        this.hasReference = parts.stream().anyMatch(p -> p instanceof ValueReference);
        this.hasText = parts.stream().anyMatch(p -> p instanceof ValuePart.Literal l && !l.text().isEmpty());
    }

    /** The static text when the value has no reference, else null. */
    String staticText() {
        return hasReference ? null : evaluateLiterals();
    }

    /**
     * The value for one request, or null when there is nothing to map: every reference is missing and there is no
     * static text. A missing reference beside static text or a found reference reads as "" ([U]: AWS does not say
     * what a missing source gives; skipping the mapping is what its REST parameter mapping does).
     */
    String evaluate(SourceValues values) {
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (ValuePart part : parts) {
            if (part instanceof ValuePart.Literal literal) {
                out.append(literal.text());
            } else {
                String value = ((ValueReference) part).resolve(values);
                if (value != null) {
                    found = true;
                    out.append(value);
                }
            }
        }
        return found || hasText ? out.toString() : null;
    }

    private String evaluateLiterals() {
        StringBuilder out = new StringBuilder();
        for (ValuePart part : parts) {
            out.append(((ValuePart.Literal) part).text());
        }
        return out.toString();
    }
}
