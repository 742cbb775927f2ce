package dev.gwemu.lambda;

/**
 * The lines Lambda's runtime writes around every invocation, in its formats:
 * <pre>
 * START RequestId: 6bc28136-xmpl-4365-b021-0ce6b2e64ab0 Version: $LATEST
 * END RequestId: 6bc28136-xmpl-4365-b021-0ce6b2e64ab0
 * REPORT RequestId: 6bc28136-xmpl-4365-b021-0ce6b2e64ab0\tDuration: 2.05 ms\tBilled Duration: 338 ms\tMemory Size: 128 MB\tMax Memory Used: 76 MB\tInit Duration: 333.05 ms\t
 * </pre>
 * The REPORT fields are tab-separated and the line ends with a tab, as in CloudWatch; {@code Init Duration}
 * only after a cold start. Billed Duration is rounded up to the millisecond (Lambda's granularity since
 * December 2020) and includes the init phase on a cold start (Lambda bills init for on-demand functions on
 * managed runtimes since August 2025).
 */
final class InvocationLog {
    private static final long MB = 1024 * 1024;

    private InvocationLog() {
    }

    static String start(String requestId) {
        return "START RequestId: " + requestId + " Version: " + FunctionIdentity.VERSION;
    }

    /**
     * END and REPORT, two lines for one logger call (so they stay together).
     *
     * @param initNanos the cold start this invocation paid for, or a negative number for a warm one
     */
    static String endAndReport(String requestId, long durationNanos, long initNanos, int memoryMb) {
        StringBuilder line = new StringBuilder(200);
        line.append("END RequestId: ").append(requestId).append('\n');
        line.append("REPORT RequestId: ").append(requestId);
        line.append("\tDuration: ");
        appendMillis(line, durationNanos);
        long billedNanos = durationNanos + Math.max(0, initNanos);
        line.append(" ms\tBilled Duration: ").append(Math.max(1, (billedNanos + 999_999) / 1_000_000));
        line.append(" ms\tMemory Size: ").append(memoryMb);
        line.append(" MB\tMax Memory Used: ").append(maxMemoryUsedMb());
        line.append(" MB\t");
        if (initNanos >= 0) {
            line.append("Init Duration: ");
            appendMillis(line, initNanos);
            line.append(" ms\t");
        }
        return line.toString();
    }

    /**
     * Approximate: all functions share this JVM, so this is the JVM's heap in use now (not the function's
     * own peak, which Lambda measures for its process). Good enough to see a function's footprint grow.
     */
    private static long maxMemoryUsedMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory() + MB - 1) / MB;
    }

    /** Milliseconds with two decimals ("1.23"), without String.format's cost on every invocation. */
    static void appendMillis(StringBuilder out, long nanos) {
        long hundredths = (Math.max(0, nanos) + 5_000) / 10_000;
        out.append(hundredths / 100).append('.');
        long fraction = hundredths % 100;
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }
}
