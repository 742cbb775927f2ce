/** Speed measurements: JMH benchmarks and the bare-Undertow limit server. */
package dev.gwemu.bench;
