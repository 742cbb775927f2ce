/**
 * The network in front of API Gateway for each endpoint type (security-and-operations.md §5), applied by the
 * dispatcher before a request walks its API's road.
 * <ul>
 *   <li>EDGE (AWS's default): a simulated CloudFront distribution ({@link dev.gwemu.server.endpoint.CloudFrontDistribution})
 *       adds {@code Via}, {@code X-Amz-Cf-Id}, {@code X-Forwarded-*} and the {@code CloudFront-*} viewer headers to the
 *       request, and {@code X-Cache}, {@code Via}, {@code X-Amz-Cf-Pop}, {@code X-Amz-Cf-Id} to every response.</li>
 *   <li>REGIONAL: nothing in between.</li>
 *   <li>PRIVATE: only a simulated VPC endpoint of api.yaml's {@code vpcEndpoints} reaches the API
 *       ({@link dev.gwemu.server.endpoint.ExecuteApiHosts} lists the host names), adding the {@code x-amzn-vpc*} and
 *       TLS headers; any other way in answers 403 {@code {"message":"Forbidden"}}. Public APIs answer the same 403
 *       through a VPC endpoint.</li>
 * </ul>
 */
package dev.gwemu.server.endpoint;
