/**
 * API keys, usage plans, throttling and quotas as API Gateway enforces them on REST APIs
 * (security-and-operations.md §2): a self-contained library the request pipeline calls once per request.
 *
 * <ul>
 *   <li>{@link dev.gwemu.usage.ApiKeys} holds the keys ({@link dev.gwemu.usage.ApiKey}), found by value in one hash
 *       lookup; values are generated when absent and checked when given (§2.1).</li>
 *   <li>{@link dev.gwemu.usage.UsagePlans} checks and indexes the {@link dev.gwemu.usage.UsagePlan}s (one plan per
 *       API stage per key) and validates a supplied key (§2.2).</li>
 *   <li>{@link dev.gwemu.usage.TokenBucket} is one throttle target, exact under contention;
 *       {@link dev.gwemu.usage.Throttles} keeps the account, stage, stage-method, plan and plan-method buckets and
 *       takes a token from every applicable one, or from none (§2.6).</li>
 *   <li>{@link dev.gwemu.usage.Quotas} counts per plan and key over UTC calendar periods
 *       ({@link dev.gwemu.usage.QuotaPeriod}), and per day for {@link dev.gwemu.usage.UsageReport} (GetUsage).</li>
 *   <li>{@link dev.gwemu.usage.UsageCheck} / {@link dev.gwemu.usage.MethodUsage} make the per-request decision in
 *       §2.5's order (key, throttling, quota): a {@link dev.gwemu.usage.UsageDecision} whose
 *       {@link dev.gwemu.usage.UsageOutcome} names the gateway response (§0, §2.3).</li>
 * </ul>
 *
 * <p>Time comes from an injected {@code java.time.Clock} (quotas) and a nanosecond {@code LongSupplier} (buckets),
 * so tests are exact and instant. Every choice where the spec is [unc] or [obs] is a named constant next to the
 * code it steers, citing its section.
 */
package dev.gwemu.usage;
