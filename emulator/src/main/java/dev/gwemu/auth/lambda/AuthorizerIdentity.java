package dev.gwemu.auth.lambda;

import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.pipeline.Invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a Lambda authorizer finds the caller's identity, compiled once per authorizer (security-and-operations.md
 * §3.3, Configuration): the TOKEN header and its validation expression, or every REQUEST source. A request that
 * lacks it gets 401 before the function is called.
 */
final class AuthorizerIdentity {
    private final AuthorizerType type;
    private final List<IdentitySource> sources;
    private final Pattern validation;

    private AuthorizerIdentity(AuthorizerType type, List<IdentitySource> sources, Pattern validation) {
        this.type = type;
        this.sources = sources;
        this.validation = validation;
    }

    /** @throws IllegalArgumentException when a source cannot be read or a TOKEN authorizer has no single header */
    static AuthorizerIdentity compile(AuthorizerSpec spec, String accountId) {
        if (spec.type() != AuthorizerType.TOKEN && spec.type() != AuthorizerType.REQUEST) {
            throw new IllegalArgumentException("authorizer " + spec.name() + " is " + spec.type() + ", not a Lambda authorizer");
        }
        List<IdentitySource> sources = new ArrayList<>();
        for (String expression : spec.identitySources()) {
            sources.add(IdentitySource.parse(expression, accountId));
        }
        if (spec.type() == AuthorizerType.TOKEN && (sources.size() != 1 || !sources.get(0).isHeader())) {
            throw new IllegalArgumentException("TOKEN authorizer " + spec.name()
                    + " reads its token from exactly one method.request.header.X, not " + spec.identitySources());
        }
        // Only TOKEN authorizers have one (§3.3 [doc]); a REQUEST authorizer's expression is ignored, as in AWS.
        Pattern validation = spec.type() == AuthorizerType.TOKEN && spec.identityValidationExpression() != null
                ? Pattern.compile(spec.identityValidationExpression()) : null;
        return new AuthorizerIdentity(spec.type(), List.copyOf(sources), validation);
    }

    /**
     * The identity in this request: the token alone (TOKEN), or every source's value in the configured order
     * (REQUEST; empty when none are configured). It is also the cache key.
     *
     * @throws dev.gwemu.pipeline.GatewayException 401 when a value is missing or empty, or the token does not match
     *                                             the validation expression as a whole
     */
    List<String> read(Invocation inv) {
        List<String> values = new ArrayList<>(sources.size());
        for (IdentitySource source : sources) {
            String value = source.read(inv);
            if (value == null || value.isEmpty()) {
                throw AuthorizerFailures.unauthorized("the request has no " + source + " (an identity source of the authorizer)");
            }
            values.add(value);
        }
        if (type == AuthorizerType.TOKEN && validation != null && !validation.matcher(values.get(0)).matches()) {
            throw AuthorizerFailures.unauthorized("the token does not match the identityValidationExpression "
                    + validation.pattern());
        }
        return values;
    }
}
