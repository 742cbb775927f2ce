package dev.gwemu.config;

import dev.gwemu.model.Api;
import dev.gwemu.model.AuthorizationType;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.Method;
import dev.gwemu.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** api.yaml's credentials, user pools and VPC endpoints, and the definition's authorizers, auth types and policy. */
class SecurityConfigTest {
    @TempDir
    Path dir;

    private static final String FUNCTION_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:%s/invocations";

    private static final String SECURITY = """
            credentials:
              - accessKeyId: AKIDEXAMPLE12345
                secretAccessKey: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
                arn: arn:aws:iam::111122223333:user/alice
              - accessKeyId: ASIATEMPORARY0001
                secretAccessKey: secret
                sessionToken: token-1
                arn: arn:aws:sts::111122223333:assumed-role/dev/alice
                expires: 2030-01-01T00:00:00Z
            userPools:
              - name: main
                id: us-east-1_AbCdEf123
                clientIds: [client1]
            vpcEndpoints:
              - {id: vpce-0123456789abcdef0, vpcId: vpc-0a1b2c3d}
            signatureSkewSeconds: 900
            accessDeniedWording: CLASSIC
            """;

    private Path project(String apiExtra, String projectExtra, String definition) throws IOException {
        Files.writeString(dir.resolve("handlers.jar"), "the loader only checks it exists");
        Files.writeString(dir.resolve("openapi.yaml"), definition);
        Path file = dir.resolve("api.yaml");
        Files.writeString(file, """
                apis:
                  - name: secure
                    definition: openapi.yaml
                """ + apiExtra + """
                    stages:
                      dev: {}
                functions:
                  Auth: {code: handlers.jar, handler: a.B}
                  Echo: {code: handlers.jar, handler: a.C}
                """ + projectExtra);
        return file;
    }

    private static String definition(String schemes, String operations, String extra) {
        return """
                openapi: 3.0.1
                info: {title: t, version: '1'}
                """ + extra + """
                components:
                  securitySchemes:
                """ + schemes + """
                paths:
                """ + operations;
    }

    private static String get(String path, String security) {
        return "  " + path + ":\n    get:\n" + security + "      responses: {}\n      x-amazon-apigateway-integration:\n"
                + "        type: aws_proxy\n        httpMethod: POST\n        uri: " + String.format(FUNCTION_URI, "Echo") + "\n";
    }

    private static final String ALL_SCHEMES = """
                tokenAuth:
                  type: apiKey
                  name: Authorization
                  in: header
                  x-amazon-apigateway-authtype: custom
                  x-amazon-apigateway-authorizer:
                    type: token
                    authorizerUri: %s
                    identityValidationExpression: "^Bearer .+$"
                    authorizerResultTtlInSeconds: 60
                requestAuth:
                  type: apiKey
                  name: Unused
                  in: header
                  x-amazon-apigateway-authorizer:
                    type: request
                    authorizerUri: %s
                    identitySource: method.request.header.X-Tenant, method.request.querystring.key, stageVariables.realm, context.identity.sourceIp
                    authorizerResultTtlInSeconds: 0
                pool:
                  type: apiKey
                  name: Authorization
                  in: header
                  x-amazon-apigateway-authtype: cognito_user_pools
                  x-amazon-apigateway-authorizer:
                    type: cognito_user_pools
                    providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123]
                sigv4:
                  type: apiKey
                  name: Authorization
                  in: header
                  x-amazon-apigateway-authtype: awsSigv4
            """.formatted(String.format(FUNCTION_URI, "Auth"), String.format(FUNCTION_URI, "Auth"));

    private static Method method(Project project, String path) {
        Api api = project.apis().get(0);
        return api.resources().stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow().methods().get("GET");
    }

    @Test
    void readsAuthorizersMethodAuthorizationPolicyAndProjectSecurity() throws Exception {
        String operations = get("/token", "      security: [{tokenAuth: []}]\n")
                + get("/request", "      security: [{requestAuth: []}]\n")
                + get("/pool", "      security: [{pool: [pets/read, pets/write]}]\n")
                + get("/iam", "      security: [{sigv4: []}]\n")
                + get("/iam2", "      x-amazon-apigateway-auth: {type: AWS_IAM}\n")
                + get("/open", "");
        String extra = """
                x-amazon-apigateway-endpoint-configuration: {types: [PRIVATE], vpcEndpointIds: [vpce-0123456789abcdef0]}
                x-amazon-apigateway-policy:
                  Version: '2012-10-17'
                  Statement: [{Effect: Allow, Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*'}]
                """;
        Project project = ProjectLoader.load(project("", SECURITY, definition(ALL_SCHEMES, operations, extra))).project();

        AuthorizerSpec token = method(project, "/token").authorization().authorizer();
        assertEquals(AuthorizationType.CUSTOM, method(project, "/token").authorization().type());
        assertEquals(AuthorizerType.TOKEN, token.type());
        assertEquals(List.of("method.request.header.Authorization"), token.identitySources());
        assertEquals("^Bearer .+$", token.identityValidationExpression());
        assertEquals(60, token.resultTtlSeconds());
        assertEquals(6, token.id().length());

        AuthorizerSpec request = method(project, "/request").authorization().authorizer();
        assertEquals(List.of("method.request.header.X-Tenant", "method.request.querystring.key", "stageVariables.realm",
                "context.identity.sourceIp"), request.identitySources());
        assertEquals(0, request.resultTtlSeconds());

        assertEquals(AuthorizationType.COGNITO_USER_POOLS, method(project, "/pool").authorization().type());
        assertEquals(List.of("pets/read", "pets/write"), method(project, "/pool").authorization().scopes());
        assertEquals(AuthorizationType.AWS_IAM, method(project, "/iam").authorization().type());
        assertEquals(AuthorizationType.AWS_IAM, method(project, "/iam2").authorization().type());
        assertEquals(AuthorizationType.NONE, method(project, "/open").authorization().type());
        assertNull(method(project, "/open").authorization().authorizer());

        Api api = project.apis().get(0);
        assertEquals(EndpointType.PRIVATE, api.endpointType());
        assertEquals(List.of("vpce-0123456789abcdef0"), api.vpcEndpointIds());
        assertTrue(api.policy().contains("\"execute-api:/*\""), api.policy());

        assertEquals(2, project.security().credentials().size());
        assertEquals("token-1", project.security().credentials().get(1).sessionToken());
        assertEquals("us-east-1_AbCdEf123", project.security().userPools().get(0).id());
        assertNull(project.security().userPools().get(0).jwks());
        assertEquals("vpc-0a1b2c3d", project.security().vpcEndpoints().get(0).vpcId());
        assertEquals(900, project.security().signatureSkew().toSeconds());
        assertEquals("CLASSIC", project.security().denialWording());
    }

    @Test
    void apiYamlEndpointTypeOverridesTheDefinition() throws Exception {
        String extra = "x-amazon-apigateway-endpoint-configuration: {types: [EDGE]}\n";
        Project project = ProjectLoader.load(project("    endpointType: REGIONAL\n", "",
                definition("    {}\n", get("/open", ""), extra).replace("  securitySchemes:\n    {}\n", "  schemas: {}\n"))).project();
        assertEquals(EndpointType.REGIONAL, project.apis().get(0).endpointType());
    }

    @Test
    void eachSecurityMistakeIsNamedWithItsLine() throws Exception {
        String schemes = """
                    broken:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: token
                        authorizerUri: %s
                        identitySource: method.request.querystring.t
                        identityValidationExpression: "(["
                        authorizerResultTtlInSeconds: 7200
                    pool:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: cognito_user_pools
                        providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Unknown1]
                    unbound:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authorizer:
                        type: request
                        authorizerUri: %s
                        identitySource: method.request.path.id
                    sigv4:
                      type: apiKey
                      name: Authorization
                      in: header
                      x-amazon-apigateway-authtype: awsSigv4
                """.formatted(String.format(FUNCTION_URI, "Auth"), String.format(FUNCTION_URI, "Missing"));
        String operations = get("/a", "      security: [{broken: []}]\n") + get("/b", "      security: [{pool: []}]\n")
                + get("/c", "      security: [{unbound: []}]\n") + get("/d", "      security: [{pool: [], sigv4: []}]\n");
        String extra = "x-amazon-apigateway-endpoint-configuration: {types: [PRIVATE], vpcEndpointIds: [vpce-00000000000000000]}\n";
        DefinitionException e = assertThrows(DefinitionException.class,
                () -> ProjectLoader.load(project("", "credentials: [{accessKeyId: short, arn: nope}]\naccessDeniedWording: SOMETIMES\n",
                        definition(schemes, operations, extra))));
        String message = e.getMessage();
        for (String expected : List.of(
                "reads its token from exactly one header",
                "not a regular expression",
                "authorizerResultTtlInSeconds is a whole number from 0 to 3600",
                "trusts user pool us-east-1_Unknown1, which api.yaml does not declare",
                "'method.request.path.id' is not an identity source",
                "calls function 'Missing', which api.yaml does not bind",
                "a method has one authorizer in API Gateway; this one names authorizer pool and AWS_IAM",
                "Private REST API doesn't have a resource policy attached to it",
                "VPC endpoint vpce-00000000000000000, which api.yaml does not declare",
                "an access key id is 16 to 128 uppercase letters and digits",
                "'secretAccessKey' is required",
                "the caller's ARN is required",
                "accessDeniedWording is one of [CLASSIC, CURRENT, CURRENT_WITH_IMPLICIT_REASON], got 'SOMETIMES'")) {
            assertTrue(message.contains(expected), "missing '" + expected + "' in:\n" + message);
        }
        for (Problem problem : e.problems()) {
            assertTrue(problem.line() > 0, "no line for " + problem);
        }
    }
}
