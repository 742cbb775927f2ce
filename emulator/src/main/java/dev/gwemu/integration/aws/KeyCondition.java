package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A DynamoDB Query's {@code KeyConditionExpression} [D]: conditions joined by AND, each {@code a = :v},
 * {@code a < :v} (and {@code <=, >, >=}), {@code a BETWEEN :lo AND :hi} or {@code begins_with(a, :p)}, with
 * {@code #name} and {@code :value} references resolved from ExpressionAttributeNames / Values. The error messages
 * follow DynamoDB's wording where known.
 */
final class KeyCondition {
    private sealed interface Term permits Compare, Between, BeginsWith {
        String attribute();

        boolean test(JsonNode value);
    }

    private record Compare(String attribute, String op, JsonNode operand) implements Term {
        public boolean test(JsonNode value) {
            if (op.equals("=")) {
                return AttributeValues.equal(value, operand);
            }
            int c = AttributeValues.compare(value, operand);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }
    }

    private record Between(String attribute, JsonNode low, JsonNode high) implements Term {
        public boolean test(JsonNode value) {
            return AttributeValues.compare(value, low) >= 0 && AttributeValues.compare(value, high) <= 0;
        }
    }

    private record BeginsWith(String attribute, JsonNode prefix) implements Term {
        public boolean test(JsonNode value) {
            return AttributeValues.beginsWith(value, prefix);
        }
    }

    private final List<Term> terms;

    private KeyCondition(List<Term> terms) {
        this.terms = terms;
    }

    /**
     * @param names  ExpressionAttributeNames, or null
     * @param values ExpressionAttributeValues, or null
     * @throws CaptureFault ValidationException for a syntax error or an undefined reference
     */
    static KeyCondition parse(String expression, JsonNode names, JsonNode values) {
        Parser parser = new Parser(tokens(expression), names, values);
        List<Term> terms = new ArrayList<>();
        parser.condition(terms);
        if (parser.pos < parser.tokens.size()) {
            throw syntax(parser.tokens.get(parser.pos));
        }
        return new KeyCondition(terms);
    }

    /** Whether an item satisfies every condition. */
    boolean matches(JsonNode item) {
        for (Term term : terms) {
            JsonNode value = item.get(term.attribute());
            if (value == null || !term.test(value)) {
                return false;
            }
        }
        return true;
    }

    /** The attributes named, in order: the partition key first, as DynamoDB requires an equality on it. */
    List<String> attributes() {
        Set<String> names = new LinkedHashSet<>();
        terms.forEach(t -> names.add(t.attribute()));
        return List.copyOf(names);
    }

    private static CaptureFault syntax(String token) {
        return CaptureFault.validation("Invalid KeyConditionExpression: Syntax error; token: \"" + token + "\"");
    }

    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ("(),=".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '<' || c == '>') {
                boolean eq = i + 1 < expression.length() && expression.charAt(i + 1) == '=';
                tokens.add(eq ? c + "=" : String.valueOf(c));
                i += eq ? 2 : 1;
            } else {
                int start = i;
                while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i))
                        || "_#:.-".indexOf(expression.charAt(i)) >= 0)) {
                    i++;
                }
                if (i == start) {
                    throw syntax(String.valueOf(c));
                }
                tokens.add(expression.substring(start, i));
            }
        }
        if (tokens.isEmpty()) {
            throw CaptureFault.validation("Invalid KeyConditionExpression: The expression can not be empty;");
        }
        return tokens;
    }

    private static final class Parser {
        final List<String> tokens;
        final JsonNode names;
        final JsonNode values;
        int pos;

        Parser(List<String> tokens, JsonNode names, JsonNode values) {
            this.tokens = tokens;
            this.names = names;
            this.values = values;
        }

        void condition(List<Term> into) {
            conjunct(into);
            while (peekKeyword("AND")) {
                pos++;
                conjunct(into);
            }
        }

        void conjunct(List<Term> into) {
            if (peek("(")) {
                pos++;
                condition(into);
                expect(")");
                return;
            }
            if (peekKeyword("begins_with")) {
                pos++;
                expect("(");
                String attribute = attribute(next());
                expect(",");
                JsonNode prefix = value(next());
                expect(")");
                into.add(new BeginsWith(attribute, prefix));
                return;
            }
            String attribute = attribute(next());
            String op = next();
            if (op.equalsIgnoreCase("BETWEEN")) {
                JsonNode low = value(next());
                if (!peekKeyword("AND")) {
                    throw syntax(pos < tokens.size() ? tokens.get(pos) : "<EOF>");
                }
                pos++;
                into.add(new Between(attribute, low, value(next())));
            } else if (List.of("=", "<", "<=", ">", ">=").contains(op)) {
                into.add(new Compare(attribute, op, value(next())));
            } else {
                throw syntax(op);
            }
        }

        String attribute(String token) {
            if (token.startsWith(":")) {
                throw syntax(token);
            }
            if (!token.startsWith("#")) {
                return token;
            }
            JsonNode name = names == null ? null : names.get(token);
            if (name == null || !name.isTextual()) {
                throw CaptureFault.validation("Invalid KeyConditionExpression: An expression attribute name used in "
                        + "the document path is not defined; attribute name: " + token);
            }
            return name.asText();
        }

        JsonNode value(String token) {
            if (!token.startsWith(":")) {
                throw syntax(token);
            }
            JsonNode value = values == null ? null : values.get(token);
            if (value == null || !value.isObject()) {
                throw CaptureFault.validation("Invalid KeyConditionExpression: An expression attribute value used in "
                        + "expression is not defined; attribute value: " + token);
            }
            return value;
        }

        String next() {
            if (pos >= tokens.size()) {
                throw syntax("<EOF>");
            }
            return tokens.get(pos++);
        }

        void expect(String token) {
            String got = next();
            if (!got.equals(token)) {
                throw syntax(got);
            }
        }

        boolean peek(String token) {
            return pos < tokens.size() && tokens.get(pos).equals(token);
        }

        boolean peekKeyword(String keyword) {
            return pos < tokens.size() && tokens.get(pos).toLowerCase(Locale.ROOT).equals(keyword.toLowerCase(Locale.ROOT));
        }
    }
}
