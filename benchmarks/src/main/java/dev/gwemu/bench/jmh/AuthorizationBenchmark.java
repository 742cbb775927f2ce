package dev.gwemu.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.auth.CallerIdentity;
import dev.gwemu.auth.cognito.CognitoAuthenticator;
import dev.gwemu.auth.cognito.LocalIssuer;
import dev.gwemu.auth.cognito.TokenRequest;
import dev.gwemu.auth.policy.PolicyDecision;
import dev.gwemu.auth.policy.PolicyDocument;
import dev.gwemu.auth.policy.RequestFacts;
import dev.gwemu.auth.policy.ResourcePolicy;
import dev.gwemu.auth.sigv4.SigV4Verifier;
import dev.gwemu.model.AuthorizerSpec;
import dev.gwemu.model.AuthorizerType;
import dev.gwemu.model.CredentialSpec;
import dev.gwemu.model.UserPoolSpec;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What does telling who calls cost a request? Each authorization kind's per-request work once everything is
 * loaded: verifying a SigV4 GET signed by the AWS SDK (one HMAC chain, with the signing key derived per request),
 * verifying a Cognito ID token (RS256 signature and claims rendering), and evaluating policies the way a cached
 * Lambda authorizer's policy and an API's resource policy are evaluated per request. A Lambda authorizer's own
 * call costs what a warm invocation costs ({@link InvokeBenchmark}); cached, only the policy evaluation remains.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuthorizationBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:b3kx9p2qde/dev/GET/pets/42";

    private SigV4Verifier verifier;
    private HttpRequest signed;
    private CognitoAuthenticator cognito;
    private AuthorizerSpec pool;
    private String idToken;
    private PolicyDocument authorizerPolicy;
    private ResourcePolicy resourcePolicy;
    private RequestFacts facts;

    @Setup
    public void setUp() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        verifier = new SigV4Verifier(List.of(new CredentialSpec("AKIDEXAMPLE12345", "secret-0123456789",
                null, "arn:aws:iam::123456789012:user/ops", null)), "us-east-1", clock, Duration.ofMinutes(5));
        signed = signedGet(clock);

        Path state = Files.createTempDirectory("gwemu-bench-auth");
        UserPoolSpec spec = new UserPoolSpec("team", "us-east-1_Bench0001", null, List.of());
        LocalIssuer issuer = LocalIssuer.open(state, clock);
        cognito = new CognitoAuthenticator(List.of(spec), state, issuer, clock);
        pool = new AuthorizerSpec("pool", "abc123", AuthorizerType.COGNITO_USER_POOLS, null,
                List.of("method.request.header.Authorization"), null, 300,
                List.of(spec.arn("us-east-1", "123456789012")));
        idToken = issuer.issue(spec, TokenRequest.id("alice").withGroups(List.of("editors", "admins")));

        ObjectMapper json = new ObjectMapper();
        // A typical authorizer answer: allow the partner's own resources, deny one admin path.
        authorizerPolicy = PolicyDocument.parse(json.readTree("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"execute-api:Invoke","Resource":[
                   "arn:aws:execute-api:us-east-1:123456789012:b3kx9p2qde/*/GET/pets/*",
                   "arn:aws:execute-api:us-east-1:123456789012:b3kx9p2qde/*/POST/orders"]},
                 {"Effect":"Deny","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:us-east-1:123456789012:b3kx9p2qde/*/*/admin/*"}]}
                """));
        resourcePolicy = ResourcePolicy.compile("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"},
                 {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
                  "Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}}]}
                """, "us-east-1", "123456789012", "b3kx9p2qde");
        facts = new RequestFacts(ARN, null, "198.51.100.7", null, null, NOW, true, "curl/8.5.0", null);
    }

    private static HttpRequest signedGet(Clock clock) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://b3kx9p2qde.execute-api.localhost:3000/dev/pets/42?include=owner&tag=a"))
                .putHeader("Accept", "application/json").putHeader("User-Agent", "curl/8.5.0").build();
        SdkHttpRequest result = AwsV4HttpSigner.create().sign(r -> r.request(request)
                .identity(AwsCredentialsIdentity.create("AKIDEXAMPLE12345", "secret-0123456789"))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
        HeaderList headers = new HeaderList();
        for (Map.Entry<String, List<String>> header : result.headers().entrySet()) {
            for (String value : header.getValue()) {
                headers.add(header.getKey(), value);
            }
        }
        return new HttpRequest("GET", result.encodedPath(), "include=owner&tag=a", headers, new byte[0],
                "198.51.100.7", "HTTP/1.1", "http", 3000);
    }

    @Benchmark
    public CallerIdentity sigV4() {
        return verifier.verify(signed);
    }

    @Benchmark
    public Map<String, String> cognitoIdToken() {
        return cognito.authenticate(pool, idToken, List.of());
    }

    @Benchmark
    public PolicyDecision authorizerPolicy() {
        return authorizerPolicy.evaluate(facts);
    }

    @Benchmark
    public PolicyDecision resourcePolicy() {
        return resourcePolicy.evaluate(facts);
    }
}
