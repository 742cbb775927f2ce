package dev.gwemu.lambda;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Cuts gwemu's own frames off a handler's exception (and its causes and suppressed exceptions),
 * from the first runtime frame down, as Lambda's runtime does (UserFault.filterStackTrace), so
 * error payloads and logs show only the function's part of the stack.
 */
final class RuntimeFrameFilter {
    private static final String RUNTIME_PACKAGE = RuntimeFrameFilter.class.getPackageName() + ".";

    private RuntimeFrameFilter() {
    }

    /** Filters in place and returns the same throwable. */
    static <T extends Throwable> T strip(T error) {
        strip(error, Collections.newSetFromMap(new IdentityHashMap<>()));
        return error;
    }

    private static void strip(Throwable error, Set<Throwable> seen) {
        if (error == null || !seen.add(error)) {
            return;
        }
        StackTraceElement[] trace = error.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            if (trace[i].getClassName().startsWith(RUNTIME_PACKAGE)) {
                StackTraceElement[] kept = new StackTraceElement[i];
                System.arraycopy(trace, 0, kept, 0, i);
                error.setStackTrace(kept);
                break;
            }
        }
        strip(error.getCause(), seen);
        for (Throwable suppressed : error.getSuppressed()) {
            strip(suppressed, seen);
        }
    }
}
