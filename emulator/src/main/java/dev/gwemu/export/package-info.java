/**
 * {@code gwemu export}: an API stage written as API Gateway's export writes it ({@code ApiExporter} is the entry point).
 *
 * <p>Where AWS's behaviour comes from, and what gwemu chose where it is not known:
 * <pre>
 * Sources read:
 *
 * - AWS, "Export a REST API from API Gateway"
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-export-api.html): `GET
 *   /restapis/{id}/stages/{stage}/exports/oas30|swagger`, `Accept: application/json|application/yaml`,
 *   `extensions=integrations|apigateway|postman`; the request-validator extension only with `extensions=apigateway`;
 *   "You cannot export an API if its payloads are not of the application/json type" / "Only found non-JSON body
 *   models for ...".
 * - AWS API reference GetExport (https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html):
 *   `integrations` or `apigateway` add `x-amazon-apigateway-integration`, `authorizers` adds
 *   `x-amazon-apigateway-authorizer`; any combination.
 * - AWS, "Export HTTP APIs from API Gateway" (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-export.html)
 *   and the apigatewayv2 ExportApi reference: OAS30 only, JSON or YAML, extensions included by default, without a
 *   stage the latest configuration.
 * - AWS, "x-amazon-apigateway-endpoint-configuration object"
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-endpoint-configuration.html):
 *   root in Swagger 2.0, on the server object in OpenAPI 3.0; properties `disableExecuteApiEndpoint`,
 *   `vpcEndpointIds`, `ipAddressType`.
 * - AWS, "x-amazon-apigateway-importexport-version" (`"1.0"`, HTTP APIs).
 * - LocalStack's AWS-validated snapshot `tests/aws/services/apigateway/test_apigateway_extended.snapshot.json`
 *   (`test_export_swagger_openapi[*]`, `test_export_oas30_openapi[*]`, recorded against AWS in 2024, with
 *   `extensions=apigateway`): the shapes of both formats — swagger `info` ordered description, version, title;
 *   `host`, `basePath: /local`, `schemes: [https]`; OAS3 `servers` with `{basePath}`; `"200 response"`; OAS3
 *   `content: {}` without a model; OAS3 query parameters without `required`, Swagger with `required: false`; a
 *   required `requestBody`; the body parameter named after its model; integration keys `httpMethod, uri,
 *   responses, requestParameters, requestTemplates, passthroughBehavior, type` (type last, lower case), no
 *   `httpMethod` on MOCK, no `timeoutInMillis` at its default; `consumes`/`produces` taken from the models and the
 *   mapping templates; an API without gateway responses, validators, binary types or a non-default key source gets
 *   none of those extensions; models exported as written, without `$schema` or `title`.
 * - AWS's own example export "OpenAPI definitions of the sample API as an Amazon S3 proxy" (developer guide):
 *   `securityDefinitions` before `definitions`; the `sigv4` scheme (`apiKey`, `Authorization`, header,
 *   `x-amazon-apigateway-authtype: awsSigv4`).
 * - HTTP API exports published on GitHub (e.g. the ones with `"Generated path parameter for userId"`,
 *   `"Default response for POST /users"`, `"flows" : { }`, `"connectionType" : "INTERNET"`,
 *   `"identitySource" ... "type" : "request", "enableSimpleResponses"`): operation and integration key order,
 *   `basePath` default `""` for `$default`, `x-amazon-apigateway-cors` key order (`allowMethods, allowHeaders,
 *   exposeHeaders, maxAge, allowCredentials, allowOrigins`), the export version last.
 * - AWS exports are Jackson's: JSON with `"key" : value`, YAML with `---` and double-quoted strings; gwemu writes
 *   with Jackson's defaults, except that long YAML strings are not folded over lines.
 *
 * Chosen where AWS's output is not recorded (each in one place in `dev.gwemu.export`):
 *
 * - `info.title` is the API's name in api.yaml (AWS: the name the import took from `info.title`).
 * - `info.version` is the definition's `info.version` (AWS keeps it as the API's version); when the definition has
 *   none, the definition file's modification time as `yyyy-MM-ddTHH:mm:ssZ` stands in for the deployment date.
 * - Key order where no export shows it: the API-wide extensions follow the models in the order gateway
 *   responses, policy, request validators, key source, minimum compression size, binary media types; a validator
 *   writes `validateRequestParameters` before `validateRequestBody`; `security` lists `api_key` before the
 *   authorizer; the authorizer object is `identitySource` (REQUEST only), `authorizerUri`,
 *   `authorizerResultTtlInSeconds` (not for Cognito), `identityValidationExpression`, `providerARNs`, `type`.
 * - A REQUEST authorizer's scheme is named `Unused` (its sources are in `identitySource`); a TOKEN or Cognito
 *   authorizer's scheme names its header. `x-amazon-apigateway-authtype` is the one written in the definition, else
 *   `custom` / `cognito_user_pools`.
 * - `x-amazon-apigateway-api-key-source` only when it is AUTHORIZER; the endpoint configuration only for a REGIONAL
 *   or PRIVATE API or one with VPC endpoints, with `types` as gwemu reads it (AWS takes the endpoint type from the
 *   import's `endpointConfigurationTypes`, so `types` is gwemu's addition — drop it if an AWS import complains).
 * - Inline (non-`$ref`) body schemas stay inline; AWS would make a model of them under a generated name.
 * - Integration responses of proxy integrations are not written (gwemu ignores them on load, with a warning).
 * - Response header declarations follow the definition's order; method response `required` flags are not written.
 * - YAML status keys are quoted (`"200":`); AWS writes `200:`. Both read as the string "200".
 * - Authorizers no method uses are not in gwemu's model and are not exported (AWS exports every authorizer).
 *
 * Dropped, as AWS does not keep them or exports them only as documentation: summaries, descriptions (other than
 * the API's), tags, examples, `externalDocs`, non-AWS `x-` extensions, `servers` of the definition, and the
 * `x-amazon-apigateway-documentation` extension.
 * </pre>
 */
package dev.gwemu.export;
