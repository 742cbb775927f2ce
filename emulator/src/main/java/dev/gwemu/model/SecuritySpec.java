package dev.gwemu.model;

import java.time.Duration;
import java.util.List;

/**
 * The project-wide things requests are authenticated against.
 *
 * @param credentials   access keys that may sign AWS_IAM requests
 * @param userPools     Cognito user pools
 * @param jwtIssuers    issuers whose keys HTTP API JWT authorizers take from api.yaml rather than OIDC discovery
 * @param vpcEndpoints  simulated VPC endpoints for PRIVATE APIs
 * @param signatureSkew how far a SigV4 date may be from now (security-and-operations.md §3.1 measured 5 minutes)
 * @param denialWording which generation of AccessDeniedException texts to answer with (a
 *                      {@code dev.gwemu.auth.policy.DenialWording} name; AWS's suffixes changed over time)
 */
public record SecuritySpec(List<CredentialSpec> credentials, List<UserPoolSpec> userPools, List<JwtIssuerSpec> jwtIssuers,
                           List<VpcEndpointSpec> vpcEndpoints, Duration signatureSkew, String denialWording) {
    public static final Duration DEFAULT_SIGNATURE_SKEW = Duration.ofMinutes(5);
    public static final String DEFAULT_DENIAL_WORDING = "CURRENT";
    public static final SecuritySpec NONE = new SecuritySpec(List.of(), List.of(), List.of(), List.of(), DEFAULT_SIGNATURE_SKEW,
            DEFAULT_DENIAL_WORDING);

    public SecuritySpec {
        credentials = List.copyOf(credentials);
        userPools = List.copyOf(userPools);
        jwtIssuers = List.copyOf(jwtIssuers);
        vpcEndpoints = List.copyOf(vpcEndpoints);
    }

    /** Security without {@code jwtIssuers}. */
    public SecuritySpec(List<CredentialSpec> credentials, List<UserPoolSpec> userPools, List<VpcEndpointSpec> vpcEndpoints,
                        Duration signatureSkew, String denialWording) {
        this(credentials, userPools, List.of(), vpcEndpoints, signatureSkew, denialWording);
    }
}
