/**
 * Parameter mapping of HTTP APIs (API Gateway v2): an integration's {@code requestParameters} and
 * {@code responseParameters}, compiled at load ({@link dev.gwemu.httpapi.mapping.RequestParameterMapping#compile},
 * {@link dev.gwemu.httpapi.mapping.ResponseParameterMapping#compile}) and applied per request from a
 * {@link dev.gwemu.httpapi.mapping.MappingSources}. Load errors are {@link java.lang.IllegalArgumentException}s
 * whose message names the entry.
 *
 * <p>What AWS documents ([D], "Transform API requests and responses for HTTP APIs in API Gateway" unless said):
 * <ul>
 *   <li>Request keys {@code append|overwrite|remove:header.NAME}, {@code append|overwrite|remove:querystring.NAME},
 *       {@code overwrite:path}; response keys {@code append|overwrite|remove:header.NAME},
 *       {@code overwrite:statuscode}, grouped by backend status code 200-599 (CloudFormation ResponseParameter).</li>
 *   <li>Values: {@code $request.header.NAME}, {@code $request.querystring.NAME}, {@code $request.body.JSONPATH}
 *       (no {@code ..}, no filters; the body is cut at 100 KB first), {@code $request.path} (without the stage),
 *       {@code $request.path.NAME}, {@code $context.NAME}, {@code $stageVariables.NAME}, static text;
 *       {@code $response.header.NAME}, {@code $response.body.JSONPATH} for responses; each also as
 *       {@code ${...}}, needed to put several in one value. Repeated headers and query parameters are joined
 *       with ',' ("value1,value2"); header names ignore case, query names do not.</li>
 *   <li>Reserved headers cannot be mapped (see {@code ReservedHeaders}). A value is 1 to 512 characters (AWS CLI
 *       reference); {@code remove:} entries are written with the value {@code ''}.</li>
 * </ul>
 *
 * <p>Integration types: mappings apply to HTTP_PROXY and to AWS_PROXY (Lambda) integrations alike. AWS's reference
 * ties {@code requestParameters} of HTTP APIs to integrations "without a specified integrationSubtype", which
 * includes Lambda, and the CDK's HttpLambdaIntegration takes a parameterMapping (aws-cdk issue #17255: "configurable
 * on the AWS API Gateway website"). For integrations with an integrationSubtype (AWS service integrations) the
 * {@code requestParameters} are the action's parameters, not a rewrite of the request: {@link ActionParameters}
 * evaluates their values with the same sources.
 *
 * <p>Where AWS does not say ([U], each a named constant or a commented rule beside its code): a source that is
 * missing gives nothing and the entry is skipped, unless the value has static text or another source found; a
 * non-JSON body gives nothing to a JSONPath; body objects and arrays map as compact JSON; removals run before
 * overwrites before appends, whatever order the keys are written in; a header value holding CR or LF is not
 * written; {@code overwrite:statuscode} takes 200-599 and a value read at run time outside that range keeps the
 * backend's status.
 */
package dev.gwemu.httpapi.mapping;
