package dev.gwemu.server.endpoint;

import dev.gwemu.model.Api;
import dev.gwemu.model.ApiType;
import dev.gwemu.model.EndpointType;
import dev.gwemu.model.Stage;
import dev.gwemu.model.VpcEndpointSpec;
import dev.gwemu.pipeline.GatewayResponses;
import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import dev.gwemu.pipeline.Invocation;
import dev.gwemu.pipeline.RestApiRoad;
import dev.gwemu.server.ApiDispatcher;
import dev.gwemu.server.RequestLog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static dev.gwemu.server.endpoint.EndpointProjects.ASSOCIATED_VPC;
import static dev.gwemu.server.endpoint.EndpointProjects.ASSOCIATED_VPCE;
import static dev.gwemu.server.endpoint.EndpointProjects.OTHER_VPC;
import static dev.gwemu.server.endpoint.EndpointProjects.OTHER_VPCE;
import static dev.gwemu.server.endpoint.EndpointProjects.PRIVATE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The ways into a PRIVATE API through a simulated VPC endpoint (security-and-operations.md §5.3), through the
 * dispatcher itself: the road at the end records the invocation the steps would see.
 */
class PrivateEndpointDispatchTest {
    private static final VpcEndpointSpec ASSOCIATED = new VpcEndpointSpec(ASSOCIATED_VPCE, ASSOCIATED_VPC);
    private static final VpcEndpointSpec OTHER = new VpcEndpointSpec(OTHER_VPCE, OTHER_VPC);
    private static final String PUBLIC_ID = "public0api";

    private Invocation seen;
    private final ApiDispatcher dispatcher = new ApiDispatcher(List.of(served(api("public", PUBLIC_ID, EndpointType.REGIONAL,
            List.of())), served(api("internal", PRIVATE_ID, EndpointType.PRIVATE, List.of(ASSOCIATED_VPCE)))),
            List.of(), List.of(ASSOCIATED, OTHER), null, new RequestLog(null), Clock.systemUTC(), RandomGenerator.getDefault());

    @Test
    void theRoute53AliasOfAnAssociatedEndpointReachesIt() {
        HttpResponse response = dispatcher.handle(get(PRIVATE_ID + "-" + ASSOCIATED_VPCE + ".execute-api.localhost:3000"));
        assertEquals(200, response.status());
        assertEquals(PRIVATE_ID, seen.api().id());
        assertEquals(ASSOCIATED, seen.vpcEndpoint(), "aws:SourceVpce / aws:SourceVpc");
        assertEndpointHeaders(ASSOCIATED);
        assertFalse(response.headers().contains("X-Cache"));
    }

    @Test
    void anyDeclaredEndpointReachesItWithTheApiIdHeader() {
        HttpResponse response = dispatcher.handle(get(OTHER_VPCE + ".execute-api.localhost", "x-apigw-api-id", PRIVATE_ID));
        assertEquals(200, response.status());
        assertEquals(OTHER, seen.vpcEndpoint(), "the endpoint need not be associated for this form");
        assertEndpointHeaders(OTHER);
    }

    @Test
    void theEndpointSpecificNameMayCarryASuffixAsAwssDoes() {
        HttpResponse response = dispatcher.handle(get(ASSOCIATED_VPCE + "-ab12cd34.execute-api.vpce.localhost",
                "X-Apigw-Api-Id", PRIVATE_ID.toUpperCase()));
        assertEquals(200, response.status());
        assertEquals(ASSOCIATED, seen.vpcEndpoint());
    }

    @Test
    void theAliasOfAnEndpointNotAssociatedIsRefused() {
        assertForbidden(dispatcher.handle(get(PRIVATE_ID + "-" + OTHER_VPCE + ".execute-api.localhost")));
    }

    @Test
    void aClientCannotForgeTheEndpointHeaders() {
        dispatcher.handle(get(PRIVATE_ID + "-" + ASSOCIATED_VPCE + ".execute-api.localhost", "x-amzn-vpce-id", "vpce-forged"));
        assertEquals(List.of(ASSOCIATED_VPCE), values(seen.request().headers(), "x-amzn-vpce-id"));
    }

    @Test
    void publicApisStayOffTheEndpointAndWithoutItsHeaders() {
        assertForbidden(dispatcher.handle(get(OTHER_VPCE + ".execute-api.localhost", "x-apigw-api-id", PUBLIC_ID)));
        assertEquals(200, dispatcher.handle(get(PUBLIC_ID + ".execute-api.localhost")).status());
        assertNull(seen.vpcEndpoint());
        assertFalse(seen.request().headers().contains("x-amzn-vpce-id"));
    }

    @Test
    void anUnknownApiIdIsStillNotFound() {
        HttpResponse response = dispatcher.handle(get("nosuchapi0-" + ASSOCIATED_VPCE + ".execute-api.localhost"));
        assertEquals(404, response.status());
        assertEquals("{\"message\":\"The API id 'nosuchapi0' does not correspond to a deployed API Gateway API\"}",
                new String(response.body(), StandardCharsets.UTF_8));
        assertForbidden(dispatcher.handle(get(ASSOCIATED_VPCE + ".execute-api.localhost", "x-apigw-api-id", "nosuchapi0")));
    }

    private void assertEndpointHeaders(VpcEndpointSpec endpoint) {
        HeaderList headers = seen.request().headers();
        assertEquals(List.of("x-amzn-cipher-suite", "x-amzn-tls-version", "x-amzn-vpc-id", "x-amzn-vpce-config",
                "x-amzn-vpce-id"), headers.lines().subList(headers.lines().size() - 5, headers.lines().size()).stream()
                .map(HeaderList.Header::name).toList(), "added after the client's, in the order real events show");
        assertEquals(endpoint.vpcId(), headers.first("x-amzn-vpc-id"));
        assertEquals(endpoint.id(), headers.first("x-amzn-vpce-id"));
        assertEquals("1", headers.first("x-amzn-vpce-config"));
        assertEquals("TLSv1.2", headers.first("x-amzn-tls-version"));
        assertEquals("ECDHE-RSA-AES128-GCM-SHA256", headers.first("x-amzn-cipher-suite"));
    }

    private static void assertForbidden(HttpResponse response) {
        assertEquals(403, response.status());
        assertEquals("{\"message\":\"Forbidden\"}", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("ForbiddenException", response.headers().first("x-amzn-ErrorType"));
    }

    private static List<String> values(HeaderList headers, String name) {
        return headers.lines().stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HeaderList.Header::value).toList();
    }

    private ApiDispatcher.ServedApi served(Api api) {
        RestApiRoad road = new RestApiRoad(List.of(inv -> {
            seen = inv;
            inv.response(new HttpResponse(200, new HeaderList(), new byte[0]));
        }), new GatewayResponses());
        return new ApiDispatcher.ServedApi(api, road);
    }

    private static Api api(String name, String id, EndpointType type, List<String> vpcEndpointIds) {
        return new Api(name, id, ApiType.REST, Path.of("echo.yaml"), List.of(),
                Map.of("dev", new Stage("dev", "d3pl0y", Map.of())), List.of(), Map.of(), "HEADER", type, vpcEndpointIds,
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    }

    private static HttpRequest get(String host, String... headerPairs) {
        HeaderList headers = new HeaderList().add("Host", host);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return new HttpRequest("GET", "/dev/anything", "", headers, new byte[0], "10.0.1.17", "HTTP/1.1", "https", 443);
    }
}
