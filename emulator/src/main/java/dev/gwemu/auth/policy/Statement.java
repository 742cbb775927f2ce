package dev.gwemu.auth.policy;

import java.util.List;

/**
 * One parsed policy statement. Its Action list is resolved at parse time against {@code execute-api:Invoke},
 * the only action API Gateway asks about.
 *
 * @param effect          Allow or Deny
 * @param principal       the Principal or NotPrincipal list, or null when the statement has none (identity policy)
 * @param notPrincipal    the list is a NotPrincipal: the statement applies to everyone it does not match
 * @param appliesToInvoke Action matches, or NotAction does not match, {@code execute-api:Invoke}
 * @param resources       the Resource or NotResource patterns
 * @param notResource     the patterns are a NotResource
 * @param conditions      all must hold (AND)
 */
record Statement(Effect effect, PrincipalMatcher principal, boolean notPrincipal, boolean appliesToInvoke,
                 List<WildcardPattern> resources, boolean notResource, List<Condition> conditions) {

    Statement {
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    boolean applies(RequestFacts facts) {
        if (!appliesToInvoke) {
            return false;
        }
        if (principal != null && principal.matches(facts.caller()) == notPrincipal) {
            return false;
        }
        if (anyResourceMatches(facts.methodArn()) == notResource) {
            return false;
        }
        for (Condition condition : conditions) {
            if (!condition.holds(facts)) {
                return false;
            }
        }
        return true;
    }

    private boolean anyResourceMatches(String methodArn) {
        for (WildcardPattern resource : resources) {
            if (resource.matches(methodArn)) {
                return true;
            }
        }
        return false;
    }
}
