package dev.gwemu.model;

/**
 * A simulated interface VPC endpoint for execute-api, through which PRIVATE APIs are reached
 * (api.yaml {@code vpcEndpoints}; security-and-operations.md §5.3).
 *
 * @param id    {@code vpce-0123456789abcdef0}: what {@code aws:SourceVpce} sees
 * @param vpcId {@code vpc-...}: what {@code aws:SourceVpc} sees
 */
public record VpcEndpointSpec(String id, String vpcId) {
}
