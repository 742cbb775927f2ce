package dev.gwemu.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one api.yaml describes, loaded and checked.
 *
 * @param file      the api.yaml it came from
 * @param region    AWS region the APIs pretend to live in
 * @param accountId account id shown in ARNs and {@code requestContext.accountId}
 * @param apis      in file order; the first one is also served without a Host header naming it
 * @param functions by function name
 * @param apiKeys   api.yaml's API keys, values generated where absent
 * @param usagePlans api.yaml's usage plans
 * @param accountThrottle the account-level throttle shared by every API (security-and-operations.md §2.4)
 * @param domains   custom domain names with their base path mappings
 * @param security  credentials, user pools and VPC endpoints requests are authenticated against
 * @param awsServices how AWS service integrations reach each service named in api.yaml; others are captured
 */
public record Project(Path file, String region, String accountId, List<Api> apis, Map<String, FunctionSpec> functions,
                      List<ApiKeySpec> apiKeys, List<UsagePlanSpec> usagePlans, Throttle accountThrottle,
                      List<DomainSpec> domains, SecuritySpec security, Map<String, AwsServiceSpec> awsServices) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    public Project {
        apis = List.copyOf(apis);
        functions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(functions));
        apiKeys = List.copyOf(apiKeys);
        usagePlans = List.copyOf(usagePlans);
        domains = List.copyOf(domains);
        security = security == null ? SecuritySpec.NONE : security;
        awsServices = awsServices == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(awsServices));
    }

    /** A project whose AWS service integrations are all captured. */
    public Project(Path file, String region, String accountId, List<Api> apis, Map<String, FunctionSpec> functions,
                   List<ApiKeySpec> apiKeys, List<UsagePlanSpec> usagePlans, Throttle accountThrottle,
                   List<DomainSpec> domains, SecuritySpec security) {
        this(file, region, accountId, apis, functions, apiKeys, usagePlans, accountThrottle, domains, security, Map.of());
    }

    /** How calls of an AWS service's integrations are served: as api.yaml says, else captured. */
    public AwsServiceSpec awsService(String service) {
        return awsServices.getOrDefault(service, AwsServiceSpec.captured(service));
    }

    /** A project with nothing to authenticate against. */
    public Project(Path file, String region, String accountId, List<Api> apis, Map<String, FunctionSpec> functions,
                   List<ApiKeySpec> apiKeys, List<UsagePlanSpec> usagePlans, Throttle accountThrottle,
                   List<DomainSpec> domains) {
        this(file, region, accountId, apis, functions, apiKeys, usagePlans, accountThrottle, domains, SecuritySpec.NONE);
    }

    /** Where gwemu keeps what it generates for this project (signing keys, certificates): {@code .gwemu/} beside api.yaml. */
    public Path stateDir() {
        Path folder = file.toAbsolutePath().getParent();
        return folder.resolve(".gwemu");
    }

    /** A project without API keys or usage plans, at the account's default throttle. */
    public Project(Path file, String region, String accountId, List<Api> apis, Map<String, FunctionSpec> functions) {
        this(file, region, accountId, apis, functions, List.of(), List.of(), Throttle.ACCOUNT_DEFAULT, List.of(), SecuritySpec.NONE);
    }
}
