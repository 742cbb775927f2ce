package dev.gwemu.server.endpoint;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import dev.gwemu.pipeline.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the simulated CloudFront adds, in detail (security-and-operations.md §0, §5.1). */
class CloudFrontDistributionTest {
    private static final EdgeLocation EDGE = new EdgeLocation("abc.cloudfront.net", "64.252.1.2", "FRA56-P5", "3320", "DE");
    private final CloudFrontDistribution cloudFront = new CloudFrontDistribution(EDGE);

    @Test
    void addsItsHeadersAfterTheViewersInTheRecordedOrder() {
        HttpRequest viewer = request("HTTP/1.1", new HeaderList().add("Host", "a.execute-api.localhost").add("tEsT-HEADeR", "x"));
        HttpRequest forwarded = cloudFront.forward(viewer, "id==");
        assertEquals(List.of("Host: a.execute-api.localhost", "tEsT-HEADeR: x", "Via: 1.1 abc.cloudfront.net (CloudFront)",
                "X-Amz-Cf-Id: id==", "X-Forwarded-For: 198.51.100.4, 64.252.1.2", "X-Forwarded-Port: 443",
                "X-Forwarded-Proto: https", "CloudFront-Forwarded-Proto: https", "CloudFront-Is-Desktop-Viewer: true",
                "CloudFront-Is-Mobile-Viewer: false", "CloudFront-Is-SmartTV-Viewer: false",
                "CloudFront-Is-Tablet-Viewer: false", "CloudFront-Viewer-ASN: 3320", "CloudFront-Viewer-Country: DE"),
                lines(forwarded.headers()));
        assertEquals("198.51.100.4", forwarded.sourceIp(), "requestContext.identity.sourceIp stays the viewer's");
    }

    @Test
    void spellsWellKnownNamesCanonicallyAndKeepsTheRest() {
        HeaderList headers = new HeaderList().add("user-agent", "curl/8.5.0").add("accept", "*/*")
                .add("authorization", "Bearer t").add("cache-control", "no-cache").add("tEsT-HEADeR", "x");
        HttpRequest forwarded = cloudFront.forward(request("HTTP/2.0", headers), "id==");
        assertEquals(List.of("User-Agent: curl/8.5.0", "Accept: */*", "Authorization: Bearer t", "cache-control: no-cache",
                "tEsT-HEADeR: x"), lines(forwarded.headers()).subList(0, 5));
    }

    @Test
    void anHttp2ViewerIsNamedInTheRequestsViaButNotTheResponses() {
        HttpRequest forwarded = cloudFront.forward(request("HTTP/2.0", new HeaderList()), "id==");
        assertEquals("2.0 abc.cloudfront.net (CloudFront)", forwarded.headers().first("Via"));
        HttpResponse response = cloudFront.addResponseHeaders(new HttpResponse(200, new HeaderList(), new byte[0]), "id==");
        assertEquals("1.1 abc.cloudfront.net (CloudFront)", response.headers().first("Via"));
    }

    @Test
    void extendsTheViewersViaAndForwardingChain() {
        HeaderList headers = new HeaderList().add("Via", "1.1 corporate-proxy").add("x-forwarded-for", "203.0.113.1")
                .add("X-Forwarded-For", "203.0.113.2").add("X-Amz-Cf-Id", "forged").add("X-Forwarded-Port", "1");
        HttpRequest forwarded = cloudFront.forward(request("HTTP/1.1", headers), "id==");
        assertEquals(List.of("Via: 1.1 corporate-proxy, 1.1 abc.cloudfront.net (CloudFront)", "X-Amz-Cf-Id: id==",
                "X-Forwarded-For: 203.0.113.1, 203.0.113.2, 198.51.100.4, 64.252.1.2", "X-Forwarded-Port: 443"),
                lines(forwarded.headers()).subList(0, 4));
    }

    @Test
    void answersMissOrErrorWithTheRequestsId() {
        HttpResponse ok = cloudFront.addResponseHeaders(new HttpResponse(302, new HeaderList(), new byte[0]), "same==");
        assertEquals(List.of("X-Cache: Miss from cloudfront", "Via: 1.1 abc.cloudfront.net (CloudFront)",
                "X-Amz-Cf-Pop: FRA56-P5", "X-Amz-Cf-Id: same=="), lines(ok.headers()));
        HttpResponse clientError = cloudFront.addResponseHeaders(new HttpResponse(400, new HeaderList(), new byte[0]), "i==");
        assertEquals("Error from cloudfront", clientError.headers().first("X-Cache"));
        HttpResponse serverError = cloudFront.addResponseHeaders(new HttpResponse(504, new HeaderList(), new byte[0]), "i==");
        assertEquals("Error from cloudfront", serverError.headers().first("X-Cache"));
    }

    @Test
    void requestIdsAreShapedLikeCloudFronts() {
        String id = cloudFront.newRequestId();
        assertEquals(56, id.length(), id);
        assertEquals(true, id.matches("[A-Za-z0-9_-]{54}=="), id);
    }

    private static HttpRequest request(String protocol, HeaderList headers) {
        return new HttpRequest("GET", "/dev/x", "", headers, new byte[0], "198.51.100.4", protocol, "https", 443);
    }

    private static List<String> lines(HeaderList headers) {
        return headers.lines().stream().map(h -> h.name() + ": " + h.value()).toList();
    }
}
