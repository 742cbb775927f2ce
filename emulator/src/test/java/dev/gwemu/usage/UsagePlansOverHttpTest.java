package dev.gwemu.usage;

import dev.gwemu.support.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API keys, usage plans, throttling and quotas as a client sees them (security-and-operations.md §2). */
class UsagePlansOverHttpTest {
    private static final String ALICE = "alice-key-0123456789abcdef";
    private static final String BOB = "bob-key-0123456789abcdefgh";
    private static final String CAROL = "carol-key-0123456789abcdef";
    private static final String DAVE = "dave-key-0123456789abcdefg";

    @TempDir
    Path dir;

    private static String mock(String template) {
        return "      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates: {application/json: '{\"statusCode\": 200}'}\n"
                + "        responses: {default: {statusCode: '200', responseTemplates: {application/json: '" + template + "'}}}\n";
    }

    private RunningGateway start() throws Exception {
        return start(java.time.Clock.systemUTC());
    }

    private RunningGateway start(java.time.Clock clock) throws Exception {
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.1\ninfo: {title: u, version: '1'}\n"
                + "components:\n  securitySchemes:\n    api_key: {type: apiKey, name: x-api-key, in: header}\npaths:\n"
                + "  /pets:\n    get:\n      security: [{api_key: []}]\n      responses: {'200': {description: ok}}\n"
                + mock("{\"key\": \"$context.identity.apiKey\", \"keyId\": \"$context.identity.apiKeyId\"}")
                + "  /limited:\n    get:\n      security: [{api_key: []}]\n      responses: {'200': {description: ok}}\n"
                + mock("{}")
                + "  /open:\n    get:\n      responses: {'200': {description: ok}}\n" + mock("{\"key\": \"$context.identity.apiKey\"}"));
        Path api = Files.writeString(dir.resolve("api.yaml"), """
                apis:
                  - name: petstore
                    definition: openapi.yaml
                    stages: {prod: {}, dev: {}}
                apiKeys:
                  - {name: alice, value: %s, enabled: true}
                  - {name: bob, value: %s, enabled: true}
                  - {name: carol, value: %s, enabled: false}
                  - {name: dave, value: %s, enabled: true}
                usagePlans:
                  - name: gold
                    apiStages: [{api: petstore, stage: prod, throttle: {"/limited/GET": {rateLimit: 0.001, burstLimit: 2}}}]
                    keys: [alice, carol]
                  - name: bronze
                    apiStages: [{api: petstore, stage: prod}]
                    quota: {limit: 3, period: DAY}
                    keys: [bob]
                  - name: devonly
                    apiStages: [{api: petstore, stage: dev}]
                    keys: [dave]
                """.formatted(ALICE, BOB, CAROL, DAVE));
        return RunningGateway.start(api, clock);
    }

    private static HttpResponse<String> get(RunningGateway gateway, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        if (key != null) {
            request.header("x-api-key", key);
        }
        return gateway.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Forbidden\"}", response.body());
        assertEquals("ForbiddenException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }

    @Test
    void keysArePlansAreThrottlesAndQuotasAreEnforced() throws Exception {
        try (RunningGateway gateway = start()) {
            assertForbidden(get(gateway, "/prod/pets", null));
            assertForbidden(get(gateway, "/prod/pets", "no-such-key-0123456789"));
            assertForbidden(get(gateway, "/prod/pets", CAROL)); // disabled
            assertForbidden(get(gateway, "/prod/pets", DAVE)); // its plan covers dev, not prod

            HttpResponse<String> alice = get(gateway, "/prod/pets", ALICE);
            assertEquals(200, alice.statusCode(), alice.body());
            assertTrue(alice.body().startsWith("{\"key\": \"" + ALICE + "\", \"keyId\": \""), alice.body());
            assertEquals(200, get(gateway, "/dev/pets", DAVE).statusCode(), "dave's plan covers dev");

            assertEquals("{\"key\": \"\"}", get(gateway, "/prod/open", "ignored-anything").body(),
                    "a method without apiKeyRequired ignores the header");

            assertEquals(200, get(gateway, "/prod/limited", ALICE).statusCode());
            assertEquals(200, get(gateway, "/prod/limited", ALICE).statusCode());
            HttpResponse<String> throttled = get(gateway, "/prod/limited", ALICE);
            assertEquals(429, throttled.statusCode(), "the plan's method burst of 2 is spent");
            assertEquals("{\"message\":\"Too Many Requests\"}", throttled.body());
            assertEquals("TooManyRequestsException", throttled.headers().firstValue("x-amzn-ErrorType").orElseThrow());

            for (int i = 0; i < 3; i++) {
                assertEquals(200, get(gateway, "/prod/pets", BOB).statusCode());
            }
            HttpResponse<String> over = get(gateway, "/prod/pets", BOB);
            assertEquals(429, over.statusCode(), "bronze allows 3 a day");
            assertEquals("{\"message\":\"Limit Exceeded\"}", over.body());
            assertEquals("LimitExceededException", over.headers().firstValue("x-amzn-ErrorType").orElseThrow());

            String today = LocalDate.now(ZoneOffset.UTC).toString();
            HttpResponse<String> usage = gateway.get("/_gwemu/usage?plan=bronze&from=" + today + "&to=" + today);
            assertEquals(200, usage.statusCode(), usage.body());
            assertTrue(usage.body().matches("\\{\"usagePlanId\":\"bronze\",\"startDate\":\"" + today + "\",\"endDate\":\""
                    + today + "\",.*\"items\":\\{\"[a-z0-9]+\":\\[\\[3,0]]}}"), usage.body());
            assertEquals(404, gateway.get("/_gwemu/usage?plan=none&from=" + today + "&to=" + today).statusCode());
        }
    }

    @Test
    void theDailyQuotaResetsAtMidnightUtcAndTheBurstRefillsWithTheGatewaysClock() throws Exception {
        dev.gwemu.support.MutableClock clock = new dev.gwemu.support.MutableClock(java.time.Instant.parse("2026-11-25T23:59:58Z"));
        try (RunningGateway gateway = start(clock)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, get(gateway, "/prod/pets", BOB).statusCode());
            }
            assertEquals(429, get(gateway, "/prod/pets", BOB).statusCode(), "bronze's 3 a day are spent");
            clock.advance(java.time.Duration.ofMillis(1999));
            assertEquals(429, get(gateway, "/prod/pets", BOB).statusCode(), "23:59:59.999 is still the same day");
            clock.advance(java.time.Duration.ofMillis(1));
            assertEquals(200, get(gateway, "/prod/pets", BOB).statusCode(), "00:00:00Z starts a new day");

            assertEquals(200, get(gateway, "/prod/limited", ALICE).statusCode());
            assertEquals(200, get(gateway, "/prod/limited", ALICE).statusCode());
            assertEquals(429, get(gateway, "/prod/limited", ALICE).statusCode(), "burst 2 spent, clock frozen");
            clock.advance(java.time.Duration.ofSeconds(1000)); // rate 0.001/s: exactly one token
            assertEquals(200, get(gateway, "/prod/limited", ALICE).statusCode());
            assertEquals(429, get(gateway, "/prod/limited", ALICE).statusCode());
        }
    }

    @Test
    void aBurstOfConcurrentRequestsAdmitsExactlyTheBucketsCapacity() throws Exception {
        Files.writeString(dir.resolve("burst.yaml"), "openapi: 3.0.1\ninfo: {title: b, version: '1'}\npaths:\n"
                + "  /hit:\n    get:\n      responses: {'200': {description: ok}}\n" + mock("{}"));
        Path api = Files.writeString(dir.resolve("burst-api.yaml"), """
                apis:
                  - name: burst
                    definition: burst.yaml
                    stages: {prod: {throttle: {rateLimit: 1, burstLimit: 20}}}
                """);
        dev.gwemu.support.MutableClock frozen = new dev.gwemu.support.MutableClock(java.time.Instant.parse("2026-11-25T12:00:00Z"));
        try (RunningGateway gateway = RunningGateway.start(api, frozen)) {
            java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(gateway.client().sendAsync(HttpRequest.newBuilder(gateway.uri("/prod/hit")).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            int admitted = 0;
            int throttled = 0;
            for (java.util.concurrent.CompletableFuture<HttpResponse<String>> call : calls) {
                int status = call.get().statusCode();
                if (status == 200) {
                    admitted++;
                } else if (status == 429) {
                    throttled++;
                }
            }
            assertEquals(20, admitted, "exactly the stage bucket's burst, with the clock frozen (§2.6)");
            assertEquals(40, throttled);
            frozen.advance(java.time.Duration.ofSeconds(3));
            int later = 0;
            for (int i = 0; i < 5; i++) {
                later += gateway.get("/prod/hit").statusCode() == 200 ? 1 : 0;
            }
            assertEquals(3, later, "three seconds at 1/s refill exactly three tokens");
        }
    }
}
