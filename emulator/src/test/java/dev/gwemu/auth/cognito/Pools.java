package dev.gwemu.auth.cognito;

import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.model.UserPoolSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The user pools and authorizers the tests share. */
final class Pools {
    /** Signed by gwemu's local issuer. */
    static final UserPoolSpec LOCAL = new UserPoolSpec("main", "us-east-1_Local1", null, List.of());
    /** Also local: same key as {@link #LOCAL}, another issuer. */
    static final UserPoolSpec OTHER_LOCAL = new UserPoolSpec("other", "us-east-1_Other2", null, List.of());
    /** A "real" pool whose keys a test holds (a JWKS file), with one app client: the spec's §3.2 example pool. */
    static final UserPoolSpec FILE = new UserPoolSpec("real", "us-east-1_Abc", "keys/jwks.json", List.of("6an6jbexample"));

    /** One generated key file for every test that is not about generating it: RSA key generation takes a while. */
    private static Path keyTemplate;

    private Pools() {
    }

    /** A local issuer over a copy of the shared key, in {@code stateDir}. */
    static synchronized LocalIssuer issuer(Path stateDir, Clock clock) throws IOException {
        if (keyTemplate == null) {
            Path folder = Files.createTempDirectory("gwemu-cognito-test-key");
            folder.toFile().deleteOnExit();
            keyTemplate = LocalIssuer.open(folder, clock).keyFile();
            keyTemplate.toFile().deleteOnExit();
        }
        Files.createDirectories(stateDir);
        Files.copy(keyTemplate, stateDir.resolve(LocalIssuer.KEY_FILE));
        return LocalIssuer.open(stateDir, clock);
    }

    static AuthorizerSpec authorizer(UserPoolSpec... pools) {
        return authorizer(null, pools);
    }

    static AuthorizerSpec authorizer(String identityValidationExpression, UserPoolSpec... pools) {
        List<String> arns = java.util.Arrays.stream(pools).map(p -> p.arn("us-east-1", "123456789012")).toList();
        return new AuthorizerSpec("cognito", "abc123", AuthorizerType.COGNITO_USER_POOLS, null,
                List.of("method.request.header.Authorization"), identityValidationExpression,
                AuthorizerSpec.DEFAULT_TTL_SECONDS, arns);
    }
}
