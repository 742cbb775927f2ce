package dev.gwemu.auth.policy;

import dev.gwemu.auth.CallerIdentity;

/**
 * What IAM derives from a signed caller's ARN: the account, the IAM user name, and for a role session
 * ({@code arn:aws:sts::111122223333:assumed-role/ROLE/SESSION}) the role it is a session of.
 *
 * @param arn      the caller's ARN as signed
 * @param account  the caller's account id
 * @param userName the IAM user's friendly name ({@code aws:username}), or null when the caller is no IAM user
 * @param roleName the assumed role's name, or null when the caller is no role session
 */
record CallerArn(String arn, String account, String userName, String roleName) {
    private static final String USER = "user/";
    private static final String ASSUMED_ROLE = "assumed-role/";

    static CallerArn of(CallerIdentity caller) {
        String arn = caller.userArn() == null ? "" : caller.userArn();
        String[] parts = arn.split(":", 6);
        String account = caller.accountId() != null ? caller.accountId() : parts.length == 6 ? parts[4] : null;
        if (parts.length != 6) {
            return new CallerArn(arn, account, null, null);
        }
        String service = parts[2];
        String resource = parts[5];
        String userName = null;
        String roleName = null;
        if (service.equals("iam") && resource.startsWith(USER)) {
            userName = resource.substring(resource.lastIndexOf('/') + 1);
        } else if (service.equals("sts") && resource.startsWith(ASSUMED_ROLE)) {
            String rest = resource.substring(ASSUMED_ROLE.length());
            int slash = rest.indexOf('/');
            roleName = slash < 0 ? rest : rest.substring(0, slash);
        }
        return new CallerArn(arn, account, userName, roleName);
    }

    /**
     * {@code aws:PrincipalArn}: for a role session IAM gives the role's ARN, not the session's. A session ARN does
     * not carry the role's path, so a role with a path reads {@code role/NAME} here (security-and-operations.md
     * §4.2 lists the key; the path loss is an emulator limit).
     */
    String principalArn() {
        if (roleName == null) {
            return arn;
        }
        String partition = arn.split(":", 3)[1];
        return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }
}
