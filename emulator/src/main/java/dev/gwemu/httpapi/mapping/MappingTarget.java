package dev.gwemu.httpapi.mapping;

/**
 * A parameter mapping key, parsed at load: {@code ACTION:header.NAME}, {@code ACTION:querystring.NAME},
 * {@code overwrite:path} (requests) or {@code ACTION:header.NAME}, {@code overwrite:statuscode} (responses), where
 * ACTION is append, overwrite or remove ("Transform API requests and responses for HTTP APIs in API Gateway").
 *
 * @param action   what to do
 * @param location where
 * @param name     the header or query parameter name as written in the key; null for path and statuscode
 */
record MappingTarget(MappingAction action, Location location, String name) {
    enum Location { HEADER, QUERYSTRING, PATH, STATUSCODE }

    /**
     * AWS's own words for a bad response key (terraform-provider-aws PR #17997 quotes the BadRequestException:
     * "Invalid Response Actioned Parameter destination specified: ..."). The request-side words are [U]; we mirror them.
     */
    static final String BAD_RESPONSE_KEY = "Invalid Response Actioned Parameter destination specified: ";
    static final String BAD_REQUEST_KEY = "Invalid Request Actioned Parameter destination specified: ";
    private static final String REQUEST_FORMS =
            "append|overwrite|remove:header.NAME, append|overwrite|remove:querystring.NAME or overwrite:path";
    private static final String RESPONSE_FORMS = "append|overwrite|remove:header.NAME or overwrite:statuscode";

    /** @throws IllegalArgumentException naming the key when it is not a request target */
    static MappingTarget request(String key) {
        MappingTarget target = parse(key);
        boolean valid = target != null && switch (target.location) {
            case HEADER, QUERYSTRING -> true;
            case PATH -> target.action == MappingAction.OVERWRITE;
            case STATUSCODE -> false;
        };
        if (!valid) {
            throw new IllegalArgumentException(BAD_REQUEST_KEY + key + " (expected " + REQUEST_FORMS + ")");
        }
        return target.checkedHeader(key);
    }

    /** @throws IllegalArgumentException naming the key when it is not a response target */
    static MappingTarget response(String key) {
        MappingTarget target = parse(key);
        boolean valid = target != null && switch (target.location) {
            case HEADER -> true;
            case STATUSCODE -> target.action == MappingAction.OVERWRITE;
            case QUERYSTRING, PATH -> false;
        };
        if (!valid) {
            throw new IllegalArgumentException(BAD_RESPONSE_KEY + key + " (expected " + RESPONSE_FORMS + ")");
        }
        return target.checkedHeader(key);
    }

    /** The key's shape, without asking which side allows it; null when it has none of the shapes. */
    private static MappingTarget parse(String key) {
        int colon = key.indexOf(':');
        MappingAction action = colon < 0 ? null : MappingAction.of(key.substring(0, colon));
        if (action == null) {
            return null;
        }
        String rest = key.substring(colon + 1);
        if (rest.equals("path")) {
            return new MappingTarget(action, Location.PATH, null);
        }
        if (rest.equals("statuscode")) {
            return new MappingTarget(action, Location.STATUSCODE, null);
        }
        if (rest.startsWith("header.") && isToken(rest.substring("header.".length()))) {
            return new MappingTarget(action, Location.HEADER, rest.substring("header.".length()));
        }
        if (rest.startsWith("querystring.") && rest.length() > "querystring.".length()) {
            return new MappingTarget(action, Location.QUERYSTRING, rest.substring("querystring.".length()));
        }
        return null;
    }

    private MappingTarget checkedHeader(String key) {
        if (location == Location.HEADER && ReservedHeaders.isReserved(name)) {
            throw new IllegalArgumentException("'" + key + "': " + name + " is a reserved header and cannot be"
                    + " mapped (see \"Reserved headers\" in the HTTP API parameter mapping docs)");
        }
        return this;
    }

    /** An HTTP header name: one or more RFC 9110 token characters. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
            if (!token) {
                return false;
            }
        }
        return true;
    }
}
