package dev.gwemu.auth;

import dev.gwemu.auth.cognito.CognitoAuthenticator;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.lambda.LambdaAuthorizer;
import dev.gwemu.auth.policy.PolicyDocument;
import dev.gwemu.auth.sigv4.SigV4Verifier;
import dev.gwemu.lambda.LambdaRuntime;
import dev.gwemu.model.Project;
import dev.gwemu.model.SecuritySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The project's ways of telling who calls: SigV4 against api.yaml's credentials, Cognito tokens against its
 * user pools, and Lambda authorizers (whose result caches are per authorizer, stage and deployment).
 */
public record Authenticators(SigV4Verifier sigV4, CognitoAuthenticator cognito, LambdaAuthorizer<PolicyDocument> lambda) {

    /**
     * @throws dev.gwemu.auth.cognito.JwksLoadException when a user pool's JWKS file cannot be used
     * @throws UncheckedIOException when the local issuer's signing key cannot be read or created
     */
    public static Authenticators of(Project project, LambdaRuntime runtime, Clock clock) {
        SecuritySpec security = project.security();
        LocalIssuer issuer = null;
        if (security.userPools().stream().anyMatch(pool -> pool.jwks() == null)) {
            try {
                issuer = LocalIssuer.open(project.stateDir(), clock);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the local token issuer's key in " + project.stateDir(), e);
            }
        }
        return new Authenticators(
                new SigV4Verifier(security.credentials(), project.region(), clock, security.signatureSkew()),
                new CognitoAuthenticator(security.userPools(), project.file().toAbsolutePath().getParent(), issuer, clock),
                new LambdaAuthorizer<>(runtime, project.accountId(), PolicyDocument::parse, clock));
    }
}
