package dev.gwemu.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.auth.cognito.PoolIssuer;
import dev.gwemu.model.CredentialSpec;
import dev.gwemu.model.JwtIssuerSpec;
import dev.gwemu.model.SecuritySpec;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.model.VpcEndpointSpec;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads api.yaml's {@code credentials}, {@code userPools}, {@code jwtIssuers}, {@code vpcEndpoints} and
 * {@code signatureSkewSeconds}: what AWS_IAM, Cognito, HTTP API JWT and private-API requests are checked against.
 */
final class SecurityReader {
    private static final Pattern ACCESS_KEY = Pattern.compile("[A-Z0-9]{16,128}");
    private static final Pattern IAM_ARN = Pattern.compile("arn:aws:(iam|sts)::[0-9]{12}:[^\\s]+");
    private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");
    private static final Pattern VPCE_ID = Pattern.compile("vpce-[0-9a-f]{8,17}");
    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8,17}");

    private final Path folder;
    private final SourceLines lines;
    private final List<Problem> problems;

    SecurityReader(Path folder, SourceLines lines, List<Problem> problems) {
        this.folder = folder;
        this.lines = lines;
        this.problems = problems;
    }

    SecuritySpec read(JsonNode root) {
        Duration skew = SecuritySpec.DEFAULT_SIGNATURE_SKEW;
        JsonNode skewNode = root.path("signatureSkewSeconds");
        if (!skewNode.isMissingNode()) {
            if (!skewNode.isIntegralNumber() || skewNode.asInt() < 0 || skewNode.asInt() > 3600) {
                error("/signatureSkewSeconds", "signatureSkewSeconds is a whole number of seconds from 0 to 3600");
            } else {
                skew = Duration.ofSeconds(skewNode.asInt());
            }
        }
        String wording = SecuritySpec.DEFAULT_DENIAL_WORDING;
        JsonNode wordingNode = root.path("accessDeniedWording");
        if (!wordingNode.isMissingNode()) {
            List<String> known = java.util.Arrays.stream(dev.gwemu.auth.policy.DenialWording.values()).map(Enum::name).toList();
            if (!known.contains(wordingNode.asText())) {
                error("/accessDeniedWording", "accessDeniedWording is one of " + known + ", got '" + wordingNode.asText() + "'");
            } else {
                wording = wordingNode.asText();
            }
        }
        List<UserPoolSpec> pools = userPools(root.path("userPools"));
        return new SecuritySpec(credentials(root.path("credentials")), pools, jwtIssuers(root.path("jwtIssuers"), pools),
                vpcEndpoints(root.path("vpcEndpoints")), skew, wording);
    }

    private List<CredentialSpec> credentials(JsonNode node) {
        List<CredentialSpec> credentials = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list(node, "/credentials", "credentials are a list of {accessKeyId, secretAccessKey, arn}"); i++) {
            String at = "/credentials/" + i;
            JsonNode entry = node.get(i);
            if (!mapping(entry, at, "accessKeyId, secretAccessKey, sessionToken, arn, expires")) {
                continue;
            }
            KnownKeys.check(entry, at, Set.of("accessKeyId", "secretAccessKey", "sessionToken", "arn", "expires"), this::error);
            String id = entry.path("accessKeyId").asText("");
            String secret = entry.path("secretAccessKey").asText("");
            String arn = entry.path("arn").asText("");
            if (!ACCESS_KEY.matcher(id).matches()) {
                error(at + "/accessKeyId", "an access key id is 16 to 128 uppercase letters and digits, e.g. AKIAIOSFODNN7EXAMPLE");
            } else if (!ids.add(id)) {
                error(at + "/accessKeyId", "access key " + id + " is listed twice");
            }
            if (secret.isEmpty()) {
                error(at + "/secretAccessKey", "'secretAccessKey' is required");
            }
            if (!IAM_ARN.matcher(arn).matches()) {
                error(at + "/arn", "the caller's ARN is required, e.g. arn:aws:iam::111122223333:user/alice");
            }
            Instant expires = null;
            if (entry.hasNonNull("expires")) {
                try {
                    expires = Instant.parse(entry.get("expires").asText());
                } catch (DateTimeParseException e) {
                    error(at + "/expires", "expires is an ISO-8601 instant such as 2030-01-01T00:00:00Z");
                }
            }
            String token = entry.hasNonNull("sessionToken") ? entry.get("sessionToken").asText() : null;
            credentials.add(new CredentialSpec(id, secret, token, arn, expires));
        }
        return credentials;
    }

    private List<UserPoolSpec> userPools(JsonNode node) {
        List<UserPoolSpec> pools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list(node, "/userPools", "userPools are a list of {name, id, jwks, clientIds}"); i++) {
            String at = "/userPools/" + i;
            JsonNode entry = node.get(i);
            if (!mapping(entry, at, "name, id, jwks, clientIds")) {
                continue;
            }
            KnownKeys.check(entry, at, Set.of("name", "id", "jwks", "clientIds"), this::error);
            String name = entry.path("name").asText("");
            String id = entry.path("id").asText("");
            if (name.isEmpty()) {
                error(at + "/name", "'name' is required (gwemu token --pool NAME)");
            } else if (!names.add(name)) {
                error(at + "/name", "two user pools are named '" + name + "'");
            }
            if (!POOL_ID.matcher(id).matches()) {
                error(at + "/id", "a user pool id looks like us-east-1_AbCdEf123, got '" + id + "'");
            }
            String jwks = entry.hasNonNull("jwks") ? entry.get("jwks").asText() : null;
            if (jwks != null && !jwks.startsWith("https://") && !jwks.startsWith("http://")) {
                Path file = folder.resolve(jwks).normalize();
                if (!Files.isRegularFile(file)) {
                    error(at + "/jwks", "JWKS file " + file + " does not exist");
                }
                jwks = file.toString();
            }
            List<String> clients = new ArrayList<>();
            entry.path("clientIds").forEach(c -> clients.add(c.asText()));
            pools.add(new UserPoolSpec(name, id, jwks, clients));
        }
        return pools;
    }

    /**
     * {@code jwtIssuers: [{issuer, jwks?}]}. The issuer must be an http(s) URL with a host: AWS takes only https, but a
     * local IdP (Keycloak on http://localhost) is what an emulator meets, so gwemu takes http too (security §3.4).
     */
    private List<JwtIssuerSpec> jwtIssuers(JsonNode node, List<UserPoolSpec> pools) {
        List<JwtIssuerSpec> issuers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list(node, "/jwtIssuers", "jwtIssuers are a list of {issuer, jwks}"); i++) {
            String at = "/jwtIssuers/" + i;
            JsonNode entry = node.get(i);
            if (!mapping(entry, at, "issuer, jwks")) {
                continue;
            }
            KnownKeys.check(entry, at, Set.of("issuer", "jwks"), this::error);
            String issuer = entry.path("issuer").isTextual() ? entry.get("issuer").asText() : "";
            if (!isHttpUrl(issuer)) {
                error(at + "/issuer", "an issuer is the http(s) URL its tokens name in 'iss', e.g. https://example.auth0.com/, got '"
                        + entry.path("issuer").asText("") + "'");
            } else if (!seen.add(issuer)) {
                error(at + "/issuer", "issuer " + issuer + " is listed twice");
            } else {
                pools.stream().filter(pool -> POOL_ID.matcher(pool.id()).matches())
                        .filter(pool -> PoolIssuer.of(pool.id()).equals(issuer)).findFirst()
                        .ifPresent(pool -> error(at + "/issuer", "issuer " + issuer + " is user pool " + pool.name()
                                + "'s; its keys come from the pool ('jwks' under userPools), so leave it out here"));
            }
            String jwks = entry.hasNonNull("jwks") ? entry.get("jwks").asText() : null;
            if (jwks != null && !jwks.startsWith("https://") && !jwks.startsWith("http://")) {
                Path file = folder.resolve(jwks).normalize();
                if (!Files.isRegularFile(file)) {
                    error(at + "/jwks", "JWKS file " + file + " does not exist");
                }
                jwks = file.toString();
            }
            issuers.add(new JwtIssuerSpec(issuer, jwks));
        }
        return issuers;
    }

    private static boolean isHttpUrl(String text) {
        if (!text.startsWith("https://") && !text.startsWith("http://")) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private List<VpcEndpointSpec> vpcEndpoints(JsonNode node) {
        List<VpcEndpointSpec> endpoints = new ArrayList<>();
        for (int i = 0; i < list(node, "/vpcEndpoints", "vpcEndpoints are a list of {id, vpcId}"); i++) {
            String at = "/vpcEndpoints/" + i;
            JsonNode entry = node.get(i);
            if (!mapping(entry, at, "id, vpcId")) {
                continue;
            }
            KnownKeys.check(entry, at, Set.of("id", "vpcId"), this::error);
            String id = entry.path("id").asText("");
            String vpc = entry.path("vpcId").asText("");
            if (!VPCE_ID.matcher(id).matches()) {
                error(at + "/id", "a VPC endpoint id looks like vpce-0123456789abcdef0, got '" + id + "'");
            }
            if (!VPC_ID.matcher(vpc).matches()) {
                error(at + "/vpcId", "a VPC id looks like vpc-0a1b2c3d, got '" + vpc + "'");
            }
            endpoints.add(new VpcEndpointSpec(id, vpc));
        }
        return endpoints;
    }

    /** The list's size, or 0 after reporting a node that is not a list. */
    private int list(JsonNode node, String at, String hint) {
        if (node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (!node.isArray()) {
            error(at, hint);
            return 0;
        }
        return node.size();
    }

    private boolean mapping(JsonNode node, String at, String keys) {
        if (!node.isObject()) {
            error(at, "expected a mapping with " + keys);
            return false;
        }
        return true;
    }

    private void error(String pointer, String message) {
        problems.add(lines.problem(pointer, message));
    }
}
