package dev.gwemu.lambda;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named after the function ({@code lambda-GetPet-1}), so a thread dump shows whose
 * handler is stuck, and an abandoned handler thread never keeps the JVM alive.
 */
final class FunctionThreadFactory implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    FunctionThreadFactory(String functionName) {
        this.prefix = "lambda-" + functionName + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
