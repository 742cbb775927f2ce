package dev.gwemu.auth.lambda;

/**
 * What the authorizer function decided, in the form the cache keeps it: a result to evaluate, or the function's
 * {@code Unauthorized}. Failures (500) are never answers: they are thrown and never cached.
 */
public sealed interface AuthorizerAnswer<P> {

    /** The function returned a valid output. */
    record Authorized<P>(AuthorizerResult<P> result) implements AuthorizerAnswer<P> {
    }

    /** The function failed with the error message {@code Unauthorized}: the client gets 401. */
    record Unauthorized<P>() implements AuthorizerAnswer<P> {
    }
}
