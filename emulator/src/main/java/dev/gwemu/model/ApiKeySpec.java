package dev.gwemu.model;

/**
 * An API key of api.yaml's {@code apiKeys} (AWS::ApiGateway::ApiKey).
 *
 * @param id      the key's id (usage reports, {@code $context.identity.apiKeyId}); derived from the name at load,
 *                so it stays the same from one start to the next
 * @param name    how usage plans refer to it
 * @param value   20-128 characters; generated at load when absent
 * @param enabled false by default, as in AWS (security-and-operations.md §2.1)
 */
public record ApiKeySpec(String id, String name, String value, boolean enabled) {
}
