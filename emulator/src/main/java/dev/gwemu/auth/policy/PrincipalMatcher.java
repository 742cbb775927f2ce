package dev.gwemu.auth.policy;

import dev.gwemu.auth.CallerIdentity;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resource policy statement's Principal (or NotPrincipal) list, matched against the request's caller
 * (security-and-operations.md §4.2; IAM User Guide, "AWS JSON policy elements: Principal").
 */
final class PrincipalMatcher {
    /**
     * {@code {"AWS": "*"}} means every principal, anonymous callers included, the same as {@code "*"}: the IAM
     * User Guide lists both forms for anonymous (public) access [doc]. A few services read them differently; set
     * to false to let {@code {"AWS": "*"}} match signed callers only.
     */
    static final boolean AWS_WILDCARD_INCLUDES_ANONYMOUS = true;

    /** {@code "*"}: everyone, anonymous callers included. */
    static final PrincipalMatcher EVERYONE = new PrincipalMatcher(true, true, Set.of(), Set.of(), Set.of());

    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private final boolean anonymousToo;
    private final boolean everySignedCaller;
    private final Set<String> accounts;
    private final Set<String> arns;
    /** {@code account/roleName} of each role ARN listed: its sessions are the role (IAM, "IAM role principals"). */
    private final Set<String> roles;

    PrincipalMatcher(boolean anonymousToo, boolean everySignedCaller, Set<String> accounts, Set<String> arns,
                     Set<String> roles) {
        this.anonymousToo = anonymousToo;
        this.everySignedCaller = everySignedCaller;
        this.accounts = Set.copyOf(accounts);
        this.arns = Set.copyOf(arns);
        this.roles = Set.copyOf(roles);
    }

    /** {@code {"AWS": "*"}}. */
    static PrincipalMatcher everyAwsPrincipal() {
        return new PrincipalMatcher(AWS_WILDCARD_INCLUDES_ANONYMOUS, true, Set.of(), Set.of(), Set.of());
    }

    /**
     * A Principal or NotPrincipal element: {@code "*"} or an object of principal types (AWS, Service, Federated,
     * CanonicalUser) to a string or list. AWS entries are {@code *}, account ids, or IAM / STS ARNs without wildcards.
     *
     * @param where names the element in messages, e.g. {@code Statement[0]: Principal}
     * @throws IllegalArgumentException naming what is malformed
     */
    static PrincipalMatcher parse(JsonNode node, String where) {
        if (node.isTextual() && node.textValue().equals("*")) {
            return EVERYONE;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException(where + " must be \"*\" or an object such as {\"AWS\": [...]}, got "
                    + JsonValues.shown(node));
        }
        Set<String> accounts = new HashSet<>();
        Set<String> arns = new HashSet<>();
        Set<String> roles = new HashSet<>();
        boolean everyAwsPrincipal = false;
        for (Map.Entry<String, JsonNode> type : node.properties()) {
            if (!PRINCIPAL_TYPES.contains(type.getKey())) {
                throw new IllegalArgumentException(where + " has an unknown principal type \"" + type.getKey()
                        + "\" (AWS, Service, Federated or CanonicalUser)");
            }
            List<String> values = JsonValues.strings(type.getValue(), where + "." + type.getKey());
            if (!type.getKey().equals("AWS")) {
                // Service, web-identity and S3 canonical principals never call an API through gwemu.
                continue;
            }
            for (String value : values) {
                if (value.equals("*")) {
                    everyAwsPrincipal = true;
                } else {
                    awsPrincipal(value, where + ".AWS", accounts, arns, roles);
                }
            }
        }
        return everyAwsPrincipal ? everyAwsPrincipal()
                : new PrincipalMatcher(false, false, accounts, arns, roles);
    }

    private static void awsPrincipal(String value, String where, Set<String> accounts, Set<String> arns,
                                     Set<String> roles) {
        if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            throw new IllegalArgumentException(where + " \"" + value
                    + "\" has a wildcard; a principal is \"*\" alone or a whole account id or ARN");
        }
        if (isAccountId(value)) {
            accounts.add(value);
            return;
        }
        String[] parts = value.split(":", 6);
        boolean iamArn = parts.length == 6 && parts[0].equals("arn") && (parts[2].equals("iam") || parts[2].equals("sts"))
                && isAccountId(parts[4]) && !parts[5].isEmpty();
        if (!iamArn) {
            throw new IllegalArgumentException(where + " \"" + value
                    + "\" is not an account id, an IAM or STS ARN, or *");
        }
        String account = parts[4];
        String resource = parts[5];
        if (parts[2].equals("iam") && resource.equals("root")) {
            accounts.add(account);
        } else if (parts[2].equals("iam") && resource.startsWith("role/")) {
            roles.add(account + "/" + resource.substring(resource.lastIndexOf('/') + 1));
        } else {
            arns.add(value);
        }
    }

    private static boolean isAccountId(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * An account id ({@code 111122223333} or {@code arn:aws:iam::111122223333:root}) matches every signed caller of
     * that account; a user or session ARN matches that caller; a role ARN matches that role's sessions.
     */
    boolean matches(CallerIdentity caller) {
        if (caller == null) {
            return anonymousToo;
        }
        if (everySignedCaller) {
            return true;
        }
        CallerArn arn = CallerArn.of(caller);
        return arns.contains(arn.arn())
                || arn.account() != null && accounts.contains(arn.account())
                || arn.roleName() != null && roles.contains(arn.account() + "/" + arn.roleName());
    }
}
