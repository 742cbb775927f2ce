package dev.gwemu.config;

import dev.gwemu.auth.lambda.IdentitySource;
import dev.gwemu.auth.policy.ResourcePolicy;
import dev.gwemu.integration.LambdaFunctionUri;
import dev.gwemu.model.Api;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;
import dev.gwemu.model.SecuritySpec;
import dev.gwemu.model.Stage;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.model.VpcEndpointSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What API Gateway refuses about an API's security at deployment, and what api.yaml must provide
 * for it: bound authorizer functions, declared user pools and VPC endpoints, a policy on a private API.
 */
final class SecurityChecks {
    private SecurityChecks() {
    }

    static void check(Api api, SourceLines definitionLines, ProjectFileReader.ProjectFile project, String region,
                      List<Problem> problems, List<Problem> warnings) {
        SecuritySpec security = project.security();
        if (api.policy() != null) {
            String at = "/" + OpenApiReader.POLICY;
            try {
                ResourcePolicy policy = ResourcePolicy.compile(api.policy(), region, project.accountId(), api.id());
                if (!policy.unsupportedConditionKeys().isEmpty()) {
                    warnings.add(definitionLines.problem(at, "API " + api.name() + ": the resource policy's condition keys "
                            + policy.unsupportedConditionKeys() + " have no value locally (IAM's rule for absent keys applies)"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(definitionLines.problem(at, "API " + api.name() + ": the resource policy is not usable: " + e.getMessage()));
            }
        }
        if (api.endpointType() == EndpointType.PRIVATE && api.policy() == null) {
            // CreateDeployment's own words (security-and-operations.md §5.3).
            problems.add(definitionLines.problem("", "API " + api.name() + ": Private REST API doesn't have a resource policy"
                    + " attached to it (add " + OpenApiReader.POLICY + ")"));
        }
        for (String vpce : api.vpcEndpointIds()) {
            if (security.vpcEndpoints().stream().map(VpcEndpointSpec::id).noneMatch(vpce::equals)) {
                problems.add(definitionLines.problem("", "API " + api.name() + " is associated with VPC endpoint " + vpce
                        + ", which api.yaml does not declare under 'vpcEndpoints:'"));
            }
        }
        for (AuthorizerSpec authorizer : authorizers(api).values()) {
            String at = "/components/securitySchemes/" + ProjectFileReader.escape(authorizer.name()) + "/"
                    + AuthorizationReader.AUTHORIZER;
            if (authorizer.type() == AuthorizerType.COGNITO_USER_POOLS) {
                for (String arn : authorizer.providerArns()) {
                    String poolId = arn.substring(arn.lastIndexOf('/') + 1);
                    if (!arn.startsWith("arn:aws:cognito-idp:") || !arn.contains(":userpool/")) {
                        problems.add(definitionLines.problem(at + "/providerARNs", "authorizer " + authorizer.name() + ": '"
                                + arn + "' is not a user pool ARN (arn:aws:cognito-idp:REGION:ACCOUNT:userpool/POOL_ID)"));
                    } else if (security.userPools().stream().map(UserPoolSpec::id).noneMatch(poolId::equals)) {
                        problems.add(definitionLines.problem(at + "/providerARNs", "authorizer " + authorizer.name()
                                + " trusts user pool " + poolId + ", which api.yaml does not declare under 'userPools:'"));
                    }
                }
                continue;
            }
            for (String source : authorizer.identitySources()) {
                try {
                    IdentitySource.parse(source, project.accountId());
                } catch (IllegalArgumentException e) {
                    problems.add(definitionLines.problem(at + "/identitySource", "authorizer " + authorizer.name() + ": "
                            + e.getMessage()));
                }
            }
            if (authorizer.type() == AuthorizerType.REQUEST && authorizer.identitySources().isEmpty()
                    && authorizer.resultTtlSeconds() > 0) {
                // AWS refuses a cached REQUEST authorizer without identity sources: they are its cache key (§3.3).
                problems.add(definitionLines.problem(at, "authorizer " + authorizer.name() + ": a request authorizer"
                        + " with authorizerResultTtlInSeconds above 0 needs an identitySource (its cache key)"));
            }
            for (Stage stage : api.stages().values()) {
                List<String> unset = LambdaFunctionUri.unsetVariables(authorizer.authorizerUri(), stage.variables());
                if (!unset.isEmpty()) {
                    continue; // AWS answers 500 at run time; the integration check already warns about such stages
                }
                try {
                    String function = LambdaFunctionUri.parse(LambdaFunctionUri.substitute(authorizer.authorizerUri(),
                            stage.variables())).functionName();
                    if (!project.functions().containsKey(function)) {
                        problems.add(definitionLines.problem(at + "/authorizerUri", "authorizer " + authorizer.name()
                                + " calls function '" + function + "', which api.yaml does not bind (add it under 'functions:')"));
                        break;
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(definitionLines.problem(at + "/authorizerUri", "authorizer " + authorizer.name() + ": "
                            + e.getMessage()));
                    break;
                }
                if (!LambdaFunctionUri.hasStageVariables(authorizer.authorizerUri())) {
                    break;
                }
            }
        }
    }

    /** The authorizers the API's methods use, by name. */
    static Map<String, AuthorizerSpec> authorizers(Api api) {
        Map<String, AuthorizerSpec> authorizers = new LinkedHashMap<>();
        for (Resource resource : api.resources()) {
            for (Method method : resource.methods().values()) {
                AuthorizerSpec authorizer = method.authorization().authorizer();
                if (authorizer != null) {
                    authorizers.putIfAbsent(authorizer.name(), authorizer);
                }
            }
        }
        return authorizers;
    }
}
