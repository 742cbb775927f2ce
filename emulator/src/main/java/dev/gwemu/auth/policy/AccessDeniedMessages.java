package dev.gwemu.auth.policy;

import dev.gwemu.auth.CallerIdentity;

/**
 * The texts of API Gateway's ACCESS_DENIED answers (the {@code Message} of {@code {"Message":"..."}}, 403,
 * AccessDeniedException).
 */
public final class AccessDeniedMessages {
    /** Who an unsigned request is (§4.4 [obs]). */
    public static final String ANONYMOUS = "anonymous";
    /** A Lambda authorizer's policy denied, explicitly or not (§3.3 Outcomes [obs]). */
    public static final String AUTHORIZER_DENIED = "User is not authorized to access this resource";
    public static final String WITH_EXPLICIT_DENY = " with an explicit deny";
    public static final String IN_RESOURCE_BASED_POLICY = " in a resource-based policy";
    public static final String IN_IDENTITY_BASED_POLICY = " in an identity-based policy";
    public static final String NO_RESOURCE_BASED_POLICY_ALLOWS =
            " because no resource-based policy allows the execute-api:Invoke action";
    public static final String NO_IDENTITY_BASED_POLICY_ALLOWS =
            " because no identity-based policy allows the execute-api:Invoke action";
    /** Account ids in the resource ARN show as eight stars and the last four digits (since about 2019, §4.4 [obs]). */
    private static final String ACCOUNT_MASK = "********";
    private static final int ACCOUNT_DIGITS_SHOWN = 4;

    private AccessDeniedMessages() {
    }

    /**
     * The resource-policy / AWS_IAM denial (§3.1 last row, §4.4):
     * {@code User: anonymous is not authorized to perform: execute-api:Invoke on resource:
     * arn:aws:execute-api:us-west-2:********2543:vd2gh6uqw3/api/GET/} plus the wording's suffix.
     * A Lambda authorizer's own denial ({@code deniedBy} IDENTITY_BASED with a Lambda authorizer) is
     * {@link #authorizerDenied} instead.
     *
     * @param caller    the signed caller, or null for anonymous
     * @param methodArn the method ARN, request path as received
     */
    public static String invokeDenied(CallerIdentity caller, String methodArn, AccessDecision denial, DenialWording wording) {
        if (denial.allowed()) {
            throw new IllegalArgumentException("an allowed request has no denial message");
        }
        String who = caller == null || caller.userArn() == null ? ANONYMOUS : caller.userArn();
        String message = "User: " + who + " is not authorized to perform: execute-api:Invoke on resource: "
                + maskAccount(methodArn);
        boolean resourceBased = denial.deniedBy() == PolicyKind.RESOURCE_BASED;
        if (denial.decision() == PolicyDecision.EXPLICIT_DENY) {
            if (wording == DenialWording.CLASSIC) {
                return message + WITH_EXPLICIT_DENY;
            }
            return message + WITH_EXPLICIT_DENY + (resourceBased ? IN_RESOURCE_BASED_POLICY : IN_IDENTITY_BASED_POLICY);
        }
        if (wording == DenialWording.CURRENT_WITH_IMPLICIT_REASON) {
            return message + (resourceBased ? NO_RESOURCE_BASED_POLICY_ALLOWS : NO_IDENTITY_BASED_POLICY_ALLOWS);
        }
        return message;
    }

    /**
     * A Lambda authorizer's policy denied the method ARN (§3.3 Outcomes [obs]):
     * {@code User is not authorized to access this resource}, and for an explicit deny
     * {@code " with an explicit deny"} plus, from CURRENT on, {@code " in an identity-based policy"}.
     */
    public static String authorizerDenied(PolicyDecision decision, DenialWording wording) {
        return switch (decision) {
            case ALLOW -> throw new IllegalArgumentException("an allowed request has no denial message");
            case IMPLICIT_DENY -> AUTHORIZER_DENIED;
            case EXPLICIT_DENY -> AUTHORIZER_DENIED + WITH_EXPLICIT_DENY
                    + (wording == DenialWording.CLASSIC ? "" : IN_IDENTITY_BASED_POLICY);
        };
    }

    /**
     * {@code arn:aws:execute-api:us-west-2:123456782543:...} becomes {@code arn:aws:execute-api:us-west-2:********2543:...};
     * text that is not an ARN with an account segment comes back unchanged.
     */
    public static String maskAccount(String arn) {
        int colon = -1;
        for (int i = 0; i < 4; i++) {
            colon = arn.indexOf(':', colon + 1);
            if (colon < 0) {
                return arn;
            }
        }
        int end = arn.indexOf(':', colon + 1);
        if (end < 0) {
            return arn;
        }
        String account = arn.substring(colon + 1, end);
        String shown = account.substring(Math.max(0, account.length() - ACCOUNT_DIGITS_SHOWN));
        return arn.substring(0, colon + 1) + ACCOUNT_MASK + shown + arn.substring(end);
    }
}
