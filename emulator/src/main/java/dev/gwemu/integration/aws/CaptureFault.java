package dev.gwemu.integration.aws;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A request the real service would refuse, thrown by a capture and rendered in the service's own error shape.
 * The codes are the services' own; the messages follow AWS's where known and are otherwise plain [U].
 */
final class CaptureFault extends RuntimeException {
    private final int status;
    private final String code;

    CaptureFault(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static CaptureFault validation(String message) {
        return new CaptureFault(400, "ValidationException", message);
    }

    /**
     * The JSON services' validation error for members that are missing [E]: "1 validation error detected: Value
     * null at 'streamName' failed to satisfy constraint: Member must not be null" (member names in lower camel case).
     */
    static CaptureFault missingMembers(List<String> members) {
        String details = members.stream()
                .map(m -> "Value null at '" + lowerCamel(m) + "' failed to satisfy constraint: Member must not be null")
                .collect(Collectors.joining("; "));
        int n = members.size();
        return validation(n + " validation error" + (n == 1 ? "" : "s") + " detected: " + details);
    }

    private static String lowerCamel(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
