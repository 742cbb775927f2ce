package dev.gwemu.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gwemu.support.MutableClock;
import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sample-apis/weather (two API versions sold by usage plan: API keys, plan throttles and quotas, a stage and a
 * method throttle, a stage cache, canary settings and a custom domain), served from its api.yaml as
 * {@code gwemu start} serves it, but on a clock the test moves: token buckets refill, quota days and cache
 * entries age only when the test says so, so every count below is exact.
 */
class WeatherSampleTest {
    private static final Path SAMPLE = TestPaths.PROJECT_ROOT.resolve("sample-apis/weather");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ALICE = "alice-gold-key-0123456789";     // gold
    private static final String BOB = "bob-silver-key-0123456789";       // silver
    private static final String CAROL = "carol-gold-key-disabled-0123";  // gold, but disabled
    private static final String DOMAIN = "weather.example.test";
    /** weather-v2's own endpoint (the first API, weather-v1, also answers on any other Host). */
    private static final String V2_HOST = "weatherv02.execute-api.localhost";
    private static final String TODAY = "2026-11-25";

    private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
    private static final String TOO_MANY_REQUESTS = "{\"message\":\"Too Many Requests\"}";
    private static final String LIMIT_EXCEEDED = "{\"message\":\"Limit Exceeded\"}";

    private MutableClock clock;
    private RunningGateway gateway;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.parse(TODAY + "T12:00:00Z"));
        gateway = RunningGateway.start(SAMPLE.resolve("api.yaml"), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    // --- requests -------------------------------------------------------------------------------------------

    /** GET on the default endpoint (weather-v1) with an API key (null: none). */
    private HttpResponse<String> get(String path, String key) throws Exception {
        return get(null, path, key);
    }

    /** GET with a Host header (null: the server's own) and an API key (null: none). */
    private HttpResponse<String> get(String host, String path, String key) throws Exception {
        return get(gateway, host, path, key);
    }

    private static HttpResponse<String> get(RunningGateway gateway, String host, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path));
        if (host != null) {
            request.header("Host", host);
        }
        if (key != null) {
            request.header("x-api-key", key);
        }
        return gateway.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> usage(String query) throws Exception {
        return gateway.get("/_gwemu/usage?" + query);
    }

    // --- expected answers -------------------------------------------------------------------------------------

    private static String v1Forecast(String city, String keyId) {
        return "{\"api\": \"weather-v1\", \"city\": \"" + city + "\", \"summary\": \"sunny\", \"temperatureC\": 21, "
                + "\"source\": \"station-network\", \"apiKeyId\": \"" + keyId + "\"}";
    }

    private static String v2Forecast(String city, String model, boolean canary, String keyId, String requestId) {
        return """
                {
                  "api": "weather-v2",
                  "city": "%s",
                  "model": "%s",
                  "units": "metric",
                  "canary": %s,
                  "days": [
                    {"day": 1, "summary": "sunny", "highC": 21, "lowC": 12, "precipitationMm": 0},
                    {"day": 2, "summary": "showers", "highC": 17, "lowC": 10, "precipitationMm": 4.5},
                    {"day": 3, "summary": "cloudy", "highC": 18, "lowC": 11, "precipitationMm": 0.2}
                  ],
                  "apiKeyId": "%s",
                  "requestId": "%s"
                }""".formatted(city, model, canary, keyId, requestId);
    }

    private static String v2Alerts(String model, boolean canary, String keyId, String requestId) {
        return """
                {
                  "api": "weather-v2",
                  "model": "%s",
                  "canary": %s,
                  "alerts": [
                    {"city": "oslo", "type": "snow", "severity": "moderate"},
                    {"city": "seville", "type": "heat", "severity": "high"}
                  ],
                  "apiKeyId": "%s",
                  "requestId": "%s"
                }""".formatted(model, canary, keyId, requestId);
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    }

    /** The key id the gateway admitted the request with ($context.identity.apiKeyId; ids are made at every start). */
    private static String keyId(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        String id = JSON.readTree(response.body()).path("apiKeyId").asText();
        assertTrue(id.matches("[a-z0-9]{10}"), response.body());
        return id;
    }

    private static void assertOk(String body, HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JSON.readTree(response.body()); // and the template wrote valid JSON
    }

    private static void assertGatewayError(int status, String body, String errorType, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals(errorType, response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertGatewayError(403, FORBIDDEN, "ForbiddenException", response);
    }

    private static void assertTooManyRequests(HttpResponse<String> response) {
        assertGatewayError(429, TOO_MANY_REQUESTS, "TooManyRequestsException", response);
    }

    private static void assertLimitExceeded(HttpResponse<String> response) {
        assertGatewayError(429, LIMIT_EXCEEDED, "LimitExceededException", response);
    }

    // --- tests ------------------------------------------------------------------------------------------------

    @Test
    void withoutAnEnabledKeyEveryMethodOfBothVersionsIsForbidden() throws Exception {
        for (String key : new String[]{null, "no-such-key-0123456789", CAROL}) {
            assertForbidden(get("/prod/forecast/paris", key));
            assertForbidden(get(V2_HOST, "/prod/forecast/paris", key));
            assertForbidden(get(V2_HOST, "/prod/alerts", key));
            assertForbidden(get(DOMAIN, "/v1/forecast/paris", key));
            assertForbidden(get(DOMAIN, "/v2/forecast/paris", key));
        }
        assertForbidden(get("/prod/forecast/paris", ALICE.toUpperCase())); // key values are case-sensitive
        assertEquals("{\"usagePlanId\":\"gold\",\"startDate\":\"" + TODAY + "\",\"endDate\":\"" + TODAY + "\",\"items\":{}}",
                usage("plan=gold&from=" + TODAY + "&to=" + TODAY + "&key=nosuchkeyid").body(),
                "a key id outside the plan: no items");
    }

    @Test
    void theSilverKeyServesV1ButItsPlanDoesNotCoverV2() throws Exception {
        HttpResponse<String> first = get("/prod/forecast/paris", BOB);
        String bob = keyId(first);
        assertOk(v1Forecast("paris", bob), first);
        assertOk(v1Forecast("lyon", bob), get(DOMAIN, "/v1/forecast/lyon", BOB));

        assertForbidden(get(V2_HOST, "/prod/forecast/paris", BOB));
        assertForbidden(get(V2_HOST, "/prod/alerts", BOB));
        assertForbidden(get(DOMAIN, "/v2/forecast/paris", BOB));

        assertEquals("{\"usagePlanId\":\"silver\",\"startDate\":\"" + TODAY + "\",\"endDate\":\"" + TODAY
                        + "\",\"items\":{\"" + bob + "\":[[2,3]]}}", usage("plan=silver&from=" + TODAY + "&to=" + TODAY).body(),
                "the two answered requests count, the refused ones do not");
    }

    @Test
    void theGoldKeyServesBothVersionsDirectlyAndThroughTheCustomDomain() throws Exception {
        HttpResponse<String> v1 = get("/prod/forecast/paris", ALICE);
        String alice = keyId(v1);
        assertOk(v1Forecast("paris", alice), v1);
        assertOk(v1Forecast("paris", alice), get(DOMAIN, "/v1/forecast/paris", ALICE));

        HttpResponse<String> v2 = get(V2_HOST, "/prod/forecast/oslo", ALICE);
        assertOk(v2Forecast("oslo", "gfs", false, alice, requestId(v2)), v2);
        HttpResponse<String> v2ByDomain = get(DOMAIN, "/v2/forecast/rome", ALICE);
        assertOk(v2Forecast("rome", "gfs", false, alice, requestId(v2ByDomain)), v2ByDomain);
        HttpResponse<String> alerts = get(DOMAIN, "/v2/alerts", ALICE);
        assertOk(v2Alerts("gfs", false, alice, requestId(alerts)), alerts);

        HttpResponse<String> notInV1 = get(DOMAIN, "/v1/alerts", ALICE);
        assertGatewayError(403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException", notInV1);
        assertForbidden(get(DOMAIN, "/v3/forecast/paris", ALICE)); // no mapping takes /v3
    }

    @Test
    void silverBurstsThreeThenOneASecondUntilItsDailyQuotaOfFiveIsSpent() throws Exception {
        // The clock stands still: no token comes back until the test moves it.
        HttpResponse<String> first = get("/prod/forecast/paris", BOB);
        String bob = keyId(first);
        assertEquals(200, get("/prod/forecast/paris", BOB).statusCode());
        assertEquals(200, get(DOMAIN, "/v1/forecast/paris", BOB).statusCode()); // one bucket per key, whatever the Host
        assertTooManyRequests(get("/prod/forecast/paris", BOB));                // burst 3 spent

        clock.advance(Duration.ofSeconds(1));                                   // rate 1/s: one token back
        assertOk(v1Forecast("paris", bob), get("/prod/forecast/paris", BOB));  // the 4th counted request
        assertTooManyRequests(get("/prod/forecast/paris", BOB));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, get("/prod/forecast/paris", BOB).statusCode());      // the 5th: quota 5/DAY reached
        clock.advance(Duration.ofSeconds(10));                                  // the bucket is full again (3)
        assertLimitExceeded(get("/prod/forecast/paris", BOB));
        assertLimitExceeded(get(DOMAIN, "/v1/forecast/paris", BOB));

        // Throttled and over-quota requests are not counted: 5 used, 0 left.
        assertEquals("{\"usagePlanId\":\"silver\",\"startDate\":\"" + TODAY + "\",\"endDate\":\"" + TODAY
                + "\",\"items\":{\"" + bob + "\":[[5,0]]}}", usage("plan=silver&from=" + TODAY + "&to=" + TODAY).body());

        // The quota is per UTC day: at midnight bob starts again.
        clock.advance(Duration.between(Instant.parse(TODAY + "T12:00:12Z"), Instant.parse("2026-11-26T00:00:00Z")));
        assertOk(v1Forecast("paris", bob), get("/prod/forecast/paris", BOB));
        assertEquals("{\"usagePlanId\":\"silver\",\"startDate\":\"" + TODAY + "\",\"endDate\":\"2026-11-26\",\"items\":{\""
                + bob + "\":[[5,0],[1,4]]}}", usage("plan=silver&from=" + TODAY + "&to=2026-11-26").body());
    }

    @Test
    void theAlertsMethodThrottleHoldsEvenForGold() throws Exception {
        HttpResponse<String> first = get(V2_HOST, "/prod/alerts", ALICE);
        String alice = keyId(first);
        assertOk(v2Alerts("gfs", false, alice, requestId(first)), first);
        HttpResponse<String> second = get(DOMAIN, "/v2/alerts", ALICE);
        assertOk(v2Alerts("gfs", false, alice, requestId(second)), second); // not cached: its own request id
        assertNotEquals(requestId(first), requestId(second));
        assertTooManyRequests(get(V2_HOST, "/prod/alerts", ALICE));            // the stage's /alerts/GET burst is 2
        assertEquals(200, get(V2_HOST, "/prod/forecast/paris", ALICE).statusCode(), "other methods keep the stage's 50");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, get(V2_HOST, "/prod/alerts", ALICE).statusCode());
        assertTooManyRequests(get(V2_HOST, "/prod/alerts", ALICE));
    }

    @Test
    void theStageCacheAnswersARepeatedForecastPerCityUntilItsTtlEnds() throws Exception {
        HttpResponse<String> paris = get(V2_HOST, "/prod/forecast/paris", ALICE);
        String alice = keyId(paris);
        String parisBody = v2Forecast("paris", "gfs", false, alice, requestId(paris));
        assertOk(parisBody, paris);

        HttpResponse<String> again = get(V2_HOST, "/prod/forecast/paris", ALICE);
        assertOk(parisBody, again);                                 // the first request's id: served from the cache
        assertNotEquals(requestId(paris), requestId(again), "the cached answer still gets its own x-amzn-RequestId");
        assertOk(parisBody, get(DOMAIN, "/v2/forecast/paris", ALICE)); // the same stage, the same cache

        HttpResponse<String> oslo = get(V2_HOST, "/prod/forecast/oslo", ALICE);
        assertOk(v2Forecast("oslo", "gfs", false, alice, requestId(oslo)), oslo); // city is the cache key

        clock.advance(Duration.ofSeconds(299));
        assertOk(parisBody, get(V2_HOST, "/prod/forecast/paris", ALICE));
        clock.advance(Duration.ofSeconds(2));                        // past ttlSeconds 300
        HttpResponse<String> fresh = get(V2_HOST, "/prod/forecast/paris", ALICE);
        assertOk(v2Forecast("paris", "gfs", false, alice, requestId(fresh)), fresh);
        assertNotEquals(parisBody, fresh.body());

        // Keys are checked before the cache: cached answers still need a key, and count against the quota.
        assertForbidden(get(V2_HOST, "/prod/forecast/paris", null));
        assertForbidden(get(V2_HOST, "/prod/forecast/paris", BOB));
        HttpResponse<String> gold = usage("plan=gold&from=" + TODAY + "&to=" + TODAY);
        assertEquals(200, gold.statusCode(), gold.body());
        assertTrue(gold.body().matches("\\{\"usagePlanId\":\"gold\",\"startDate\":\"" + TODAY + "\",\"endDate\":\"" + TODAY
                + "\",\"items\":\\{\"" + alice + "\":\\[\\[6,994]],\"[a-z0-9]{10}\":\\[\\[0,1000]]}}"), gold.body()); // alice, carol
        assertEquals("{\"usagePlanId\":\"gold\",\"startDate\":\"" + TODAY + "\",\"endDate\":\"" + TODAY + "\",\"items\":{\""
                + alice + "\":[[6,994]]}}", usage("plan=gold&from=" + TODAY + "&to=" + TODAY + "&key=" + alice).body());
        HttpResponse<String> unknownPlan = usage("plan=platinum&from=" + TODAY + "&to=" + TODAY);
        assertEquals(404, unknownPlan.statusCode());
        assertEquals("{\"message\":\"Invalid Usage Plan ID specified\"}", unknownPlan.body());
    }

    /** The sample with percentTraffic 100 instead of 0: every request is a canary request. */
    @Test
    void withAllTrafficOnTheCanaryRequestsSeeItsVariablesAndSkipTheStageCache(@TempDir Path dir) throws Exception {
        String project = Files.readString(SAMPLE.resolve("api.yaml"));
        String allCanary = project.replace("percentTraffic: 0\n", "percentTraffic: 100\n");
        assertNotEquals(project, allCanary, "the sample's canary is at percentTraffic: 0");
        Files.writeString(dir.resolve("api.yaml"), allCanary);
        Files.copy(SAMPLE.resolve("openapi-v1.yaml"), dir.resolve("openapi-v1.yaml"));
        Files.copy(SAMPLE.resolve("openapi-v2.yaml"), dir.resolve("openapi-v2.yaml"));
        try (RunningGateway canary = RunningGateway.start(dir.resolve("api.yaml"), clock)) {
            HttpResponse<String> first = get(canary, V2_HOST, "/prod/forecast/paris", ALICE);
            String alice = keyId(first);
            assertOk(v2Forecast("paris", "ecmwf-beta", true, alice, requestId(first)), first);
            HttpResponse<String> second = get(canary, DOMAIN, "/v2/forecast/paris", ALICE);
            assertOk(v2Forecast("paris", "ecmwf-beta", true, alice, requestId(second)), second); // not from the cache
            HttpResponse<String> alerts = get(canary, V2_HOST, "/prod/alerts", ALICE);
            assertOk(v2Alerts("ecmwf-beta", true, alice, requestId(alerts)), alerts);
            assertForbidden(get(canary, V2_HOST, "/prod/alerts", BOB)); // keys and plans apply to canary requests too
            assertOk(v1Forecast("paris", alice), get(canary, null, "/prod/forecast/paris", ALICE)); // v1 has no canary
        }
    }

    @Test
    void theSampleAsShippedSendsNoTrafficToTheCanary() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = get(V2_HOST, "/prod/alerts", ALICE);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("gfs", body.get("model").asText());
            assertFalse(body.get("canary").asBoolean(true));
            clock.advance(Duration.ofSeconds(1)); // one alerts token a second
        }
    }
}
