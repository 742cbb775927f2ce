package dev.gwemu.auth;

/**
 * Who signed a request (AWS_IAM), as {@code requestContext.identity} and resource policies see them
 * (security-and-operations.md §3.1).
 *
 * @param accessKey the access key id the request was signed with
 * @param accountId the caller's account (from its ARN)
 * @param caller    the principal id ({@code AIDA...} for a user, {@code AROA...:session} for a role session)
 * @param user      the same principal id, as AWS fills {@code user}
 * @param userArn   the caller's ARN
 */
public record CallerIdentity(String accessKey, String accountId, String caller, String user, String userArn) {
}
