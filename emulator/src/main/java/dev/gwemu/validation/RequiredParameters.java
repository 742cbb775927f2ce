package dev.gwemu.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The method's required request parameters, checked for presence (§7, validateRequestParameters). */
final class RequiredParameters {
    /**
     * §7 says [E] header names are compared case-sensitively, but LocalStack's current check goes
     * through a case-insensitive map, HTTP header names are case-insensitive, and HTTP/2 clients send
     * them lower-cased: gwemu compares them ignoring case. Flip it here.
     */
    static final boolean HEADER_NAMES_CASE_SENSITIVE = false;

    private static final String PREFIX = "method.request.";
    private static final String MESSAGE = "Missing required request parameters: ";

    private enum Location { PATH, QUERYSTRING, MULTIVALUEQUERYSTRING, HEADER, MULTIVALUEHEADER }

    private static final Map<String, Location> LOCATIONS = Map.of("path", Location.PATH,
            "querystring", Location.QUERYSTRING, "multivaluequerystring", Location.MULTIVALUEQUERYSTRING,
            "header", Location.HEADER, "multivalueheader", Location.MULTIVALUEHEADER);

    private record Parameter(Location location, String name) {
    }

    /** Ordered by the full expression key (§7 [V]: header, then path, then querystring). */
    private final List<Parameter> required;

    private RequiredParameters(List<Parameter> required) {
        this.required = required;
    }

    /**
     * @param requestParameters expression -> required?; expressions other than method.request.{location}.{name}
     *                          are ignored
     */
    static RequiredParameters of(Map<String, Boolean> requestParameters) {
        TreeMap<String, Parameter> sorted = new TreeMap<>(); // String order, as AWS sorts the keys
        requestParameters.forEach((expression, isRequired) -> {
            Parameter parameter = parse(expression);
            if (Boolean.TRUE.equals(isRequired) && parameter != null) {
                sorted.put(expression, parameter);
            }
        });
        return new RequiredParameters(List.copyOf(sorted.values()));
    }

    /** The BAD_REQUEST_PARAMETERS message naming every missing parameter, or empty when none is missing. */
    Optional<String> missing(Map<String, String> path, Map<String, List<String>> query,
                             Map<String, List<String>> headers) {
        List<String> missing = new ArrayList<>();
        for (Parameter parameter : required) {
            if (!present(parameter, path, query, headers)) {
                missing.add(parameter.name());
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(MESSAGE + "[" + String.join(", ", missing) + "]");
    }

    private static boolean present(Parameter parameter, Map<String, String> path, Map<String, List<String>> query,
                                   Map<String, List<String>> headers) {
        String name = parameter.name();
        return switch (parameter.location()) {
            case PATH -> path != null && notBlank(path.get(name));
            // [U] the single-value forms see the last value, as mapping does (§4.1); the multi-value forms any value
            case QUERYSTRING -> query != null && notBlank(last(query.get(name)));
            case MULTIVALUEQUERYSTRING -> query != null && anyNotBlank(query.get(name));
            case HEADER -> notBlank(last(header(headers, name)));
            case MULTIVALUEHEADER -> anyNotBlank(header(headers, name));
        };
    }

    /** Every value sent under that name; compares names itself, whatever kind of map the caller passes. */
    private static List<String> header(Map<String, List<String>> headers, String name) {
        List<String> values = new ArrayList<>();
        if (headers != null) {
            headers.forEach((sent, sentValues) -> {
                boolean same = HEADER_NAMES_CASE_SENSITIVE ? sent.equals(name) : sent.equalsIgnoreCase(name);
                if (same && sentValues != null) {
                    values.addAll(sentValues);
                }
            });
        }
        return values;
    }

    /** §7 [D]: present and not blank; "?q1=" is missing. [U] whitespace-only counts as blank. */
    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean anyNotBlank(List<String> values) {
        return values != null && values.stream().anyMatch(RequiredParameters::notBlank);
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static Parameter parse(String expression) {
        if (expression == null || !expression.startsWith(PREFIX)) {
            return null;
        }
        String rest = expression.substring(PREFIX.length());
        int dot = rest.indexOf('.'); // names may hold dots: split at the first one only
        if (dot <= 0 || dot == rest.length() - 1) {
            return null;
        }
        Location location = LOCATIONS.get(rest.substring(0, dot));
        return location == null ? null : new Parameter(location, rest.substring(dot + 1)); // e.g. method.request.body
    }
}
