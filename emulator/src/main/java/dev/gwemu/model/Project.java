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
 */
public record Project(Path file, String region, String accountId, List<Api> apis, Map<String, FunctionSpec> functions) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    public Project {
        apis = List.copyOf(apis);
        functions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(functions));
    }
}
