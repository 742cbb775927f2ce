package dev.gwemu.maven;

import dev.gwemu.Gwemu;

import java.io.PrintStream;
import java.util.Map;

/**
 * What {@code start} leaves in the plugin context for {@code stop}: the gateway, its request log (or null), the
 * project properties it set, and the {@code argLine} before and after it added to it (null when it did not).
 */
record RunningGateway(Gwemu gwemu, PrintStream requestLog, Map<String, String> properties, String argLineBefore,
                      String argLineAfter) {
    /** The plugin-context key: the context is per project and plugin, so each module has its own gateway. */
    static final String CONTEXT_KEY = "dev.gwemu.maven.RunningGateway";
}
