/**
 * REST Lambda authorizers, TOKEN and REQUEST (security-and-operations.md §3.3).
 *
 * <ul>
 *   <li>{@link dev.gwemu.auth.lambda.LambdaAuthorizer} is an API's authorizers: identity, cache, call, output, in
 *       that order; it answers an {@link dev.gwemu.auth.lambda.AuthorizerResult} or throws the 401s and 500s of the
 *       outcomes table. Evaluating the result's policy (the 403s) is the caller's.</li>
 *   <li>{@link dev.gwemu.auth.lambda.IdentitySource} and {@code AuthorizerIdentity} read the identity (401 without a
 *       call when it is missing); {@code AuthorizerEvents} writes the TOKEN and REQUEST events;
 *       {@code AuthorizerFunctions} calls the function; {@code AuthorizerResponseReader} checks its output;
 *       {@code AuthorizerCache} keeps answers per authorizer and stage deployment.</li>
 * </ul>
 *
 * <p>Choices made where the spec is [unc] or [obs] are named constants next to the code they steer, each citing its
 * evidence. Time comes from the gateway's injected clock.
 */
package dev.gwemu.auth.lambda;
