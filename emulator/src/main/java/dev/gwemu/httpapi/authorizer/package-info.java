/**
 * Lambda (REQUEST) authorizers of HTTP APIs (security-and-operations.md §3.4, data-plane.md §3.2 and §3.4).
 *
 * <ul>
 *   <li>{@link dev.gwemu.httpapi.authorizer.HttpLambdaAuthorizer} runs them: identity, cache, call, answer, decision;
 *       it returns an {@link dev.gwemu.httpapi.authorizer.HttpAuthorizerResult} (what the integration sees, in the
 *       2.0 and 1.0 event shapes) or throws the 401, 403 and 500 of {@link dev.gwemu.httpapi.HttpApiErrors}.</li>
 *   <li>{@code HttpIdentitySource} and {@code HttpAuthorizerIdentity} read the identity; {@code AuthorizerEventV2}
 *       and {@code AuthorizerEventV1} write the events (the 2.0 one from the integration event's own writer);
 *       {@code HttpAuthorizerResponseReader} checks the answer; {@code HttpAuthorizerCache} keeps answers per API,
 *       authorizer and stage; the call itself is REST's {@link dev.gwemu.auth.lambda.AuthorizerFunctions}.</li>
 * </ul>
 *
 * <p>Choices made where AWS is unknown are named constants next to the code they steer, each citing its evidence.
 */
package dev.gwemu.httpapi.authorizer;
