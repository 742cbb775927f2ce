package dev.gwemu.config;

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

    static void check(Api api, SourceLines definitionLines, ProjectFileReader.ProjectFile project, List<Problem> problems) {
        SecuritySpec security = project.security();
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
