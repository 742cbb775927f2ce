package dev.gwemu.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.TokenRequest;
import dev.gwemu.config.ProjectLoader;
import dev.gwemu.model.Project;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sample-apis/team-docs: one API with every kind of method authorization side by side: a Cognito user pool (ID
 * tokens for GET /docs, access tokens with scope docs/write for POST /docs), a Lambda TOKEN authorizer whose
 * usageIdentifierKey meters partners by usage plan (GET /partners/{partner}/docs), a Lambda REQUEST authorizer
 * (GET /tenants/{tenant}/docs) and AWS_IAM (GET /admin/stats), under a resource policy. Served from its api.yaml as
 * {@code gwemu start} serves it, on a clock the test moves (token expiry, authorizer caches, quota days), with tokens
 * from the project's own local issuer and requests signed by the AWS SDK's SigV4 signer.
 */
class TeamDocsSampleTest {
    private static final Path SAMPLE = TestPaths.PROJECT_ROOT.resolve("sample-apis/team-docs");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2026-12-01";
    private static final Instant START = Instant.parse(DAY + "T09:00:00Z");

    private static final AwsCredentialsIdentity OPS =
            AwsCredentialsIdentity.create("AKIDTEAMDOCSOPS01", "ops-local-secret-0123456789");
    private static final AwsSessionCredentialsIdentity CI =
            AwsSessionCredentialsIdentity.create("ASIATEAMDOCSCI001", "ci-local-secret-0123456789", "ci-local-session-token-0001");

    private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
    private static final String AUTHORIZER_DENIED = "{\"Message\":\"User is not authorized to access this resource\"}";
    private static final String ARN = "arn:aws:execute-api:us-east-1:********9012:teamd0cs42/dev";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final String STYLE_GUIDE = "{\"id\":1,\"title\":\"Style guide\",\"group\":\"everyone\",\"author\":\"alice\"}";
    private static final String CHECKLIST = "{\"id\":2,\"title\":\"Release checklist\",\"group\":\"editors\",\"author\":\"alice\"}";
    private static final String PRICE_LIST = "{\"id\":3,\"title\":\"Partner price list\",\"group\":\"sales\",\"author\":\"bob\"}";
    private static final String INTEGRATION_GUIDE = "{\"id\":4,\"title\":\"Integration guide\",\"group\":\"everyone\",\"author\":\"bob\"}";
    private static final String STATS = "{\"documents\":5,\"byGroup\":{\"everyone\":2,\"editors\":1,\"sales\":1,\"ops\":1},"
            + "\"sharedWithPartners\":3,\"sharedWithTenants\":3}";

    private MutableClock clock;
    private RunningGateway gateway;
    private LocalIssuer issuer;
    private UserPoolSpec pool;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(START);
        gateway = RunningGateway.start(SAMPLE.resolve("api.yaml"), clock);
        Project project = ProjectLoader.load(SAMPLE.resolve("api.yaml")).project();
        pool = project.security().userPools().get(0);
        assertEquals("team", pool.name());
        issuer = LocalIssuer.open(project.stateDir(), clock); // what `gwemu token` signs with
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    // --- requests ---------------------------------------------------------------------------------------------

    private String idToken(String user, String... groups) {
        return issuer.issue(pool, TokenRequest.id(user).withGroups(List.of(groups)));
    }

    private String accessToken(String user, List<String> scopes, String... groups) {
        return issuer.issue(pool, TokenRequest.access(user, scopes).withGroups(List.of(groups)));
    }

    /** A GET with these headers (name, value, name, value ...). */
    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return get(gateway, path, headers);
    }

    private static HttpResponse<String> get(RunningGateway target, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return target.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", token);
        }
        return gateway.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> partner(String path, String name) throws Exception {
        return get(path, "Authorization", "Bearer partner-" + name);
    }

    private HttpResponse<String> tenant(String path, String key) throws Exception {
        return get(path, "X-Tenant-Key", key);
    }

    /** A GET signed by the AWS SDK for Java v2's SigV4 signer at {@code at}, as a client in AWS would send it. */
    private static HttpResponse<String> signedGet(RunningGateway target, String path, AwsCredentialsIdentity credentials,
                                                  Instant at) throws Exception {
        URI uri = target.uri(path);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.request(unsigned).identity(credentials)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        // The SDK signed Host 127.0.0.1:<port>, which java.net.http sends by itself.
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        assertTrue(signed.request().firstMatchingHeader("Authorization").orElseThrow().startsWith("AWS4-HMAC-SHA256 Credential="));
        return target.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signedGet(String path, AwsCredentialsIdentity credentials) throws Exception {
        return signedGet(gateway, path, credentials, clock.instant());
    }

    private HttpResponse<String> usage(String plan, String from, String to) throws Exception {
        return gateway.get("/_gwemu/usage?plan=" + plan + "&from=" + from + "&to=" + to);
    }

    // --- answers ----------------------------------------------------------------------------------------------

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** A field the gateway or an authorizer made up (a request id, a key id), checked against its shape. */
    private static String generated(HttpResponse<String> response, String field, String pattern) throws IOException {
        String value = json(response).path(field).asText();
        assertTrue(value.matches(pattern), field + " of " + response.body());
        return value;
    }

    private static void assertOk(int status, String body, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    }

    private static void assertGatewayError(int status, String body, String errorType, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals(errorType, response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertGatewayError(401, UNAUTHORIZED, "UnauthorizedException", response);
    }

    private static String teamDocs(String user, String groups, String... docs) {
        return "{\"user\":\"" + user + "\",\"groups\":" + groups + ",\"docs\":[" + String.join(",", docs) + "]}";
    }

    private static String partnerDocs(String partner, String tier, String decision, String apiKeyId, String docs) {
        return "{\"partner\":\"" + partner + "\",\"tier\":\"" + tier + "\",\"decision\":\"" + decision + "\",\"apiKeyId\":\""
                + apiKeyId + "\",\"docs\":" + docs + "}";
    }

    private static String tenantDocs(String tenant, String user, String decision, String docs) {
        return "{\"tenant\":\"" + tenant + "\",\"user\":\"" + user + "\",\"principalId\":\"" + tenant + "/" + user
                + "\",\"decision\":\"" + decision + "\",\"docs\":" + docs + "}";
    }

    private static final String ACME_DOCS = "[{\"id\":1,\"title\":\"Style guide\"},{\"id\":3,\"title\":\"Partner price list\"},"
            + "{\"id\":4,\"title\":\"Integration guide\"}]";
    private static final String GLOBEX_DOCS = "[{\"id\":1,\"title\":\"Style guide\"},{\"id\":4,\"title\":\"Integration guide\"}]";
    private static final String INITECH_DOCS = GLOBEX_DOCS;
    private static final String UMBRELLA_DOCS = "[{\"id\":1,\"title\":\"Style guide\"},{\"id\":5,\"title\":\"Incident runbook\"}]";

    // --- Cognito user pool: GET /docs ---------------------------------------------------------------------------

    @Test
    void membersListTheDocsTheirTokensGroupsMaySee() throws Exception {
        // The handler reads cognito:username and cognito:groups ("sales,leads": one comma-joined string) from the claims.
        assertOk(200, teamDocs("alice", "[\"editors\"]", STYLE_GUIDE, CHECKLIST, INTEGRATION_GUIDE),
                get("/dev/docs", "Authorization", idToken("alice", "editors")));
        assertOk(200, teamDocs("bob", "[\"sales\",\"leads\"]", STYLE_GUIDE, PRICE_LIST, INTEGRATION_GUIDE),
                get("/dev/docs", "Authorization", idToken("bob", "sales", "leads")));
        assertOk(200, teamDocs("carol", "[]", STYLE_GUIDE, INTEGRATION_GUIDE),
                get("/dev/docs", "Authorization", idToken("carol")));
    }

    @Test
    void listingTakesOnlyAnUnexpiredIdTokenOfThePool() throws Exception {
        assertUnauthorized(get("/dev/docs"));
        assertUnauthorized(get("/dev/docs", "Authorization", "not-a-jwt"));
        // A method without authorization scopes takes ID tokens; an access token, even a writer's, is refused.
        assertUnauthorized(get("/dev/docs", "Authorization", accessToken("alice", List.of("docs/write"), "editors")));

        String token = idToken("alice", "editors");
        String[] parts = token.split("\\.");
        StringBuilder payload = new StringBuilder(parts[1]);
        int at = payload.length() - 2; // a character whose six bits all count
        payload.setCharAt(at, payload.charAt(at) == 'A' ? 'B' : 'A');
        String forged = parts[0] + "." + payload + "." + parts[2]; // the payload changed under the old signature
        assertUnauthorized(get("/dev/docs", "Authorization", forged));

        assertEquals(200, get("/dev/docs", "Authorization", token).statusCode());
        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertEquals(200, get("/dev/docs", "Authorization", token).statusCode());
        clock.advance(Duration.ofSeconds(1)); // TokenRequest.DEFAULT_TTL, Cognito's hour, is up
        assertGatewayError(401, "{\"message\":\"The incoming token has expired\"}", "UnauthorizedException",
                get("/dev/docs", "Authorization", token));
    }

    // --- Cognito user pool: POST /docs ------------------------------------------------------------------------

    @Test
    void writersWithTheDocsWriteScopeAddDocsToTheirGroups() throws Exception {
        String writer = accessToken("alice", List.of("docs/read", "docs/write"), "editors");
        String launchPlan = "{\"id\":6,\"title\":\"Launch plan\",\"group\":\"editors\",\"author\":\"alice\"}";
        assertOk(201, launchPlan, post("/dev/docs", writer, "{\"title\":\"Launch plan\",\"group\":\"editors\"}"));

        // GET and POST /docs are one function: the next list comes from the same warm environment's store.
        assertOk(200, teamDocs("alice", "[\"editors\"]", STYLE_GUIDE, CHECKLIST, INTEGRATION_GUIDE, launchPlan),
                get("/dev/docs", "Authorization", idToken("alice", "editors")));
        assertOk(200, teamDocs("bob", "[\"sales\"]", STYLE_GUIDE, PRICE_LIST, INTEGRATION_GUIDE),
                get("/dev/docs", "Authorization", idToken("bob", "sales")));

        // The scope lets alice write; which groups she writes to is the handler's business (cognito:groups).
        assertOk(403, "{\"message\":\"alice is not in group sales\"}",
                post("/dev/docs", writer, "{\"title\":\"Discounts\",\"group\":\"sales\"}"));
        assertOk(400, "{\"message\":\"Request body is not valid JSON\"}", post("/dev/docs", writer, "title=Discounts"));
        assertOk(400, "{\"message\":\"A new doc is {\\\"title\\\": \\\"...\\\", \\\"group\\\": \\\"...\\\"}\"}",
                post("/dev/docs", writer, "{\"title\":\"Discounts\"}"));
    }

    @Test
    void writingTakesOnlyAccessTokensHoldingTheDocsWriteScope() throws Exception {
        String body = "{\"title\":\"Launch plan\",\"group\":\"editors\"}";
        assertUnauthorized(post("/dev/docs", null, body));
        assertUnauthorized(post("/dev/docs", idToken("alice", "editors"), body));                          // an ID token
        assertUnauthorized(post("/dev/docs", accessToken("alice", List.of(), "editors"), body));           // aws.cognito.signin.user.admin
        assertUnauthorized(post("/dev/docs", accessToken("alice", List.of("docs/read"), "editors"), body));
        // Refused before the function ran: the first accepted doc is still number 6.
        assertOk(201, "{\"id\":6,\"title\":\"Launch plan\",\"group\":\"editors\",\"author\":\"alice\"}",
                post("/dev/docs", accessToken("alice", List.of("docs/write"), "editors"), body));
    }

    // --- Lambda TOKEN authorizer and usage plans: GET /partners/{partner}/docs ------------------------------------

    @Test
    void aPartnerSeesItsSharedDocsAndTheAuthorizersAnswerIsKeptFiveMinutes() throws Exception {
        HttpResponse<String> first = partner("/dev/partners/acme/docs", "acme");
        String decision = generated(first, "decision", UUID);  // the authorizer invocation's awsRequestId
        String acmeKey = generated(first, "apiKeyId", "[a-z0-9]{10}"); // its usageIdentifierKey, as an API key id
        assertOk(200, partnerDocs("acme", "gold", decision, acmeKey, ACME_DOCS), first);

        clock.advance(Duration.ofSeconds(299));
        assertOk(200, partnerDocs("acme", "gold", decision, acmeKey, ACME_DOCS), partner("/dev/partners/acme/docs", "acme"));
        clock.advance(Duration.ofSeconds(1)); // authorizerResultTtlInSeconds: 300
        HttpResponse<String> renewed = partner("/dev/partners/acme/docs", "acme");
        String next = generated(renewed, "decision", UUID);
        assertNotEquals(decision, next);
        assertOk(200, partnerDocs("acme", "gold", next, acmeKey, ACME_DOCS), renewed);

        // Every call is metered on acme's key in its plan, cached authorizer answer or not.
        assertEquals("{\"usagePlanId\":\"partner-gold\",\"startDate\":\"" + DAY + "\",\"endDate\":\"" + DAY + "\",\"items\":{\""
                + acmeKey + "\":[[3,997]]}}", usage("partner-gold", DAY, DAY).body());
    }

    @Test
    void aPartnersPolicyCoversOnlyItsOwnPathAndASuspendedPartnerIsDenied() throws Exception {
        assertEquals(200, partner("/dev/partners/acme/docs", "acme").statusCode());
        // The cached answer's policy (…/*/GET/partners/acme/*) is evaluated against this request's method ARN.
        assertGatewayError(403, AUTHORIZER_DENIED, "AccessDeniedException", partner("/dev/partners/globex/docs", "acme"));
        assertGatewayError(403, "{\"Message\":\"User is not authorized to access this resource with an explicit deny in an "
                + "identity-based policy\"}", "AccessDeniedException", partner("/dev/partners/hooli/docs", "hooli"));
        assertEquals("{\"usagePlanId\":\"partner-gold\",\"startDate\":\"" + DAY + "\",\"endDate\":\"" + DAY + "\",\"items\":{\""
                + generated(partner("/dev/partners/acme/docs", "acme"), "apiKeyId", "[a-z0-9]{10}") + "\":[[2,998]]}}",
                usage("partner-gold", DAY, DAY).body(), "denied requests are not metered");
    }

    @Test
    void partnerTokensMustMatchTheValidationExpressionAndNameAKnownPartner() throws Exception {
        assertUnauthorized(get("/dev/partners/acme/docs"));
        assertUnauthorized(get("/dev/partners/acme/docs", "Authorization", "Bearer acme"));
        assertUnauthorized(get("/dev/partners/acme/docs", "Authorization", "bearer partner-acme"));
        assertUnauthorized(get("/dev/partners/acme/docs", "Authorization", "Bearer partner-ACME"));
        assertUnauthorized(partner("/dev/partners/nobody/docs", "nobody")); // the function throws Error('Unauthorized')
    }

    @Test
    void theTrialPartnerMakesThreeRequestsADay() throws Exception {
        HttpResponse<String> first = partner("/dev/partners/globex/docs", "globex");
        String decision = generated(first, "decision", UUID);
        String globexKey = generated(first, "apiKeyId", "[a-z0-9]{10}");
        assertOk(200, partnerDocs("globex", "trial", decision, globexKey, GLOBEX_DOCS), first);
        assertEquals(200, partner("/dev/partners/globex/docs", "globex").statusCode());
        assertEquals(200, partner("/dev/partners/globex/docs", "globex").statusCode());
        assertGatewayError(429, "{\"message\":\"Limit Exceeded\"}", "LimitExceededException",
                partner("/dev/partners/globex/docs", "globex"));
        assertEquals("{\"usagePlanId\":\"partner-trial\",\"startDate\":\"" + DAY + "\",\"endDate\":\"" + DAY + "\",\"items\":{\""
                + globexKey + "\":[[3,0]]}}", usage("partner-trial", DAY, DAY).body());
        // acme's plan is another plan: its quota is untouched.
        assertEquals(200, partner("/dev/partners/acme/docs", "acme").statusCode());

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-02T00:00:00Z"))); // a new UTC day
        assertEquals(200, partner("/dev/partners/globex/docs", "globex").statusCode());
        assertEquals("{\"usagePlanId\":\"partner-trial\",\"startDate\":\"" + DAY + "\",\"endDate\":\"2026-12-02\",\"items\":{\""
                + globexKey + "\":[[3,0],[1,2]]}}", usage("partner-trial", DAY, "2026-12-02").body());
    }

    // --- Lambda REQUEST authorizer: GET /tenants/{tenant}/docs ----------------------------------------------------

    @Test
    void aTenantBackendReadsItsDocsForOneOfItsUsersAndTheAnswerIsKeptPerKeyAndUser() throws Exception {
        HttpResponse<String> peter = tenant("/dev/tenants/initech/docs?user=peter", "initech-tenant-key-0001");
        String decision = generated(peter, "decision", UUID);
        assertOk(200, tenantDocs("initech", "peter", decision, INITECH_DOCS), peter);
        assertOk(200, tenantDocs("initech", "peter", decision, INITECH_DOCS),
                tenant("/dev/tenants/initech/docs?user=peter", "initech-tenant-key-0001"));

        // The other identity source changed: another cache entry, another call.
        HttpResponse<String> milton = tenant("/dev/tenants/initech/docs?user=milton", "initech-tenant-key-0001");
        String miltonDecision = generated(milton, "decision", UUID);
        assertNotEquals(decision, miltonDecision);
        assertOk(200, tenantDocs("initech", "milton", miltonDecision, INITECH_DOCS), milton);

        clock.advance(Duration.ofSeconds(60)); // authorizerResultTtlInSeconds: 60
        HttpResponse<String> later = tenant("/dev/tenants/initech/docs?user=peter", "initech-tenant-key-0001");
        String laterDecision = generated(later, "decision", UUID);
        assertNotEquals(decision, laterDecision);
        assertOk(200, tenantDocs("initech", "peter", laterDecision, INITECH_DOCS), later);

        HttpResponse<String> umbrella = tenant("/dev/tenants/umbrella/docs?user=alice", "umbrella-tenant-key-0001");
        assertOk(200, tenantDocs("umbrella", "alice", generated(umbrella, "decision", UUID), UMBRELLA_DOCS), umbrella);
    }

    @Test
    void tenantRequestsNeedBothIdentitySourcesAKnownKeyAndUserAndTheirOwnTenant() throws Exception {
        assertUnauthorized(tenant("/dev/tenants/initech/docs", "initech-tenant-key-0001"));       // no ?user=
        assertUnauthorized(get("/dev/tenants/initech/docs?user=peter"));                          // no X-Tenant-Key
        assertUnauthorized(tenant("/dev/tenants/initech/docs?user=peter", "initech-tenant-key-9999"));
        assertUnauthorized(tenant("/dev/tenants/initech/docs?user=alice", "initech-tenant-key-0001")); // umbrella's user
        assertGatewayError(403, AUTHORIZER_DENIED, "AccessDeniedException",
                tenant("/dev/tenants/umbrella/docs?user=peter", "initech-tenant-key-0001"));
    }

    // --- AWS_IAM: GET /admin/stats ----------------------------------------------------------------------------

    @Test
    void operatorsSignWithACredentialApiYamlLists() throws Exception {
        // requestContext.identity names the signer; principal ids are derived from the ARN, the same on every run.
        assertOk(200, "{\"caller\":{\"userArn\":\"arn:aws:iam::123456789012:user/ops\",\"accountId\":\"123456789012\","
                + "\"accessKey\":\"AKIDTEAMDOCSOPS01\",\"principal\":\"AIDAUGV2U4QPKPMYUGGKS\"},\"stats\":" + STATS + "}",
                signedGet("/dev/admin/stats", OPS));
        assertOk(200, "{\"caller\":{\"userArn\":\"arn:aws:sts::123456789012:assumed-role/docs-ci/build-42\",\"accountId\":"
                + "\"123456789012\",\"accessKey\":\"ASIATEAMDOCSCI001\",\"principal\":\"AROASGIFKL4KEI5HDAQSD:build-42\"},"
                + "\"stats\":" + STATS + "}", signedGet("/dev/admin/stats", CI));
    }

    @Test
    void adminStatsRefusesUnsignedUnknownForgedAndExpiredRequests() throws Exception {
        assertGatewayError(403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException",
                get("/dev/admin/stats"));
        assertGatewayError(403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException",
                get("/dev/admin/stats", "Authorization", ""));
        assertGatewayError(403, "{\"message\":\"The security token included in the request is invalid.\"}",
                "UnrecognizedClientException",
                signedGet("/dev/admin/stats", AwsCredentialsIdentity.create("AKIDNOBODY0000001", "ops-local-secret-0123456789")));
        assertGatewayError(403, "{\"message\":\"The security token included in the request is invalid.\"}",
                "UnrecognizedClientException", signedGet("/dev/admin/stats", // the CI key without its session token
                        AwsCredentialsIdentity.create(CI.accessKeyId(), CI.secretAccessKey())));

        HttpResponse<String> forged = signedGet("/dev/admin/stats", AwsCredentialsIdentity.create(OPS.accessKeyId(), "guessed"));
        assertEquals(403, forged.statusCode());
        assertEquals("InvalidSignatureException", forged.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(forged.body().startsWith("{\"message\":\"The request signature we calculated does not match the signature "
                + "you provided. Check your AWS Secret Access Key and signing method."), forged.body());

        // A request signed 6 minutes ago is outside the 5 minutes of skew gwemu allows, as AWS does.
        HttpResponse<String> stale = signedGet(gateway, "/dev/admin/stats", OPS, clock.instant().minus(Duration.ofMinutes(6)));
        assertEquals(403, stale.statusCode());
        assertEquals("{\"message\":\"Signature expired: 20261201T085400Z is now earlier than 20261201T085500Z "
                + "(20261201T090000Z - 5 min.)\"}", stale.body());

        // The CI role's temporary credentials expire at 2030-01-01T00:00:00Z (api.yaml).
        clock.advance(Duration.between(clock.instant(), Instant.parse("2030-01-01T00:00:00Z")));
        assertGatewayError(403, "{\"message\":\"The security token included in the request is expired\"}",
                "ExpiredTokenException", signedGet("/dev/admin/stats", CI));
        assertEquals(200, signedGet("/dev/admin/stats", OPS).statusCode(), "an IAM user's keys do not expire");
    }

    @Test
    void noOtherAuthorizationOpensAnotherKindOfMethod() throws Exception {
        // A Cognito token is not a signature, a signature is not a partner token, and so on.
        HttpResponse<String> tokenForIam = get("/dev/admin/stats", "Authorization", idToken("alice", "ops"));
        assertEquals(403, tokenForIam.statusCode(), tokenForIam.body());
        assertEquals("IncompleteSignatureException", tokenForIam.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertUnauthorized(signedGet("/dev/docs", OPS));
        assertUnauthorized(signedGet("/dev/partners/acme/docs", OPS));
        assertUnauthorized(get("/dev/partners/acme/docs", "Authorization", idToken("acme")));
    }

    // --- the resource policy --------------------------------------------------------------------------------------

    /**
     * The sample with its blocked network set to 127.0.0.0/8, where the test's requests come from: a valid Cognito token
     * and partner and tenant credentials are all refused by the resource policy's explicit deny.
     */
    @Test
    void theResourcePolicyDeniesTheBlockedNetworkBeforeAnyAuthorizerRuns(@TempDir Path dir) throws Exception {
        Path copy = copySample(dir);
        Path definition = copy.resolve("openapi.yaml");
        String shipped = Files.readString(definition);
        String blocking = shipped.replace("- \"192.0.2.0/24\"", "- \"127.0.0.0/8\"");
        assertNotEquals(shipped, blocking, "the shipped policy denies 192.0.2.0/24");
        Files.writeString(definition, blocking);

        Project project = ProjectLoader.load(copy.resolve("api.yaml")).project();
        String token = LocalIssuer.open(project.stateDir(), clock).issue(project.security().userPools().get(0),
                TokenRequest.id("alice").withGroups(List.of("editors")));
        try (RunningGateway blocked = RunningGateway.start(copy.resolve("api.yaml"), clock)) {
            Map<String, HttpResponse<String>> answers = Map.of(
                    "GET/docs", get(blocked, "/dev/docs", "Authorization", token),
                    "GET/partners/acme/docs", get(blocked, "/dev/partners/acme/docs", "Authorization", "Bearer partner-acme"),
                    // Pre-auth: an explicit deny answers before the authorizer would have refused this token with 401.
                    "GET/partners/nobody/docs", get(blocked, "/dev/partners/nobody/docs", "Authorization", "not a partner token"),
                    "GET/tenants/initech/docs", get(blocked, "/dev/tenants/initech/docs?user=peter", "X-Tenant-Key",
                            "initech-tenant-key-0001"));
            // (AWS_IAM methods check the signature first: see theResourcePolicyDenialNamesASignedCaller.)
            answers.forEach((method, response) -> assertGatewayError(403, "{\"Message\":\"User: anonymous is not authorized to "
                            + "perform: execute-api:Invoke on resource: " + ARN + "/" + method + " with an explicit deny in a "
                            + "resource-based policy\"}", "AccessDeniedException", response));
        }
    }

    /**
     * For AWS_IAM methods API Gateway authenticates the signature before it evaluates the resource policy, so its denial
     * names the signer (security-and-operations.md §4.2 keeps the pre-auth deny to Lambda authorizers; §4.4: "the IAM
     * ARN (e.g. arn:aws:sts::111122223333:assumed-role/r/s) for signed callers").
     */
    @Test
    void theResourcePolicyDenialNamesASignedCaller(@TempDir Path dir) throws Exception {
        Path copy = copySample(dir);
        Path definition = copy.resolve("openapi.yaml");
        Files.writeString(definition, Files.readString(definition).replace("- \"192.0.2.0/24\"", "- \"127.0.0.0/8\""));
        try (RunningGateway blocked = RunningGateway.start(copy.resolve("api.yaml"), clock)) {
            assertGatewayError(403, "{\"Message\":\"User: arn:aws:iam::123456789012:user/ops is not authorized to perform: "
                            + "execute-api:Invoke on resource: " + ARN + "/GET/admin/stats with an explicit deny in a "
                            + "resource-based policy\"}", "AccessDeniedException",
                    signedGet(blocked, "/dev/admin/stats", OPS, clock.instant()));
        }
    }

    /**
     * For COGNITO_USER_POOLS methods API Gateway authenticates the token first and evaluates the resource policy after
     * (security-and-operations.md §4.2 [doc]), so a request without a token is 401 even from a denied network.
     */
    @Test
    void aCognitoMethodAuthenticatesBeforeTheResourcePolicyDenies(@TempDir Path dir) throws Exception {
        Path copy = copySample(dir);
        Path definition = copy.resolve("openapi.yaml");
        Files.writeString(definition, Files.readString(definition).replace("- \"192.0.2.0/24\"", "- \"127.0.0.0/8\""));
        try (RunningGateway blocked = RunningGateway.start(copy.resolve("api.yaml"), clock)) {
            assertUnauthorized(get(blocked, "/dev/docs"));
        }
    }

    /** The sample's files (not its .gwemu state) in {@code dir}. */
    private static Path copySample(Path dir) throws IOException {
        Path copy = dir.resolve("team-docs");
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            files.filter(p -> !SAMPLE.relativize(p).startsWith(".gwemu")).forEach(p -> {
                try {
                    Path target = copy.resolve(SAMPLE.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertTrue(Files.isRegularFile(copy.resolve("authorizers/partner.js")));
        return copy;
    }
}
