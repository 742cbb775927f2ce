package dev.gwemu.samples;

import dev.gwemu.support.RunningGateway;
import dev.gwemu.support.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * sample-apis/orders (mapping templates around a non-proxy Node.js Lambda, request validation, MOCK
 * integrations, CORS and gateway responses), served as the README's start command serves it.
 */
class OrdersSampleTest {
    private static final Path API = TestPaths.PROJECT_ROOT.resolve("sample-apis/orders/api.yaml");
    private static final String ORIGIN = "http://localhost:5173";
    private static final String ONE_BOOK = "{\"shipping\":\"standard\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":12.5}]}";
    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(API);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return gateway.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /{stage}/orders with the given headers (name, value, ...) and body (null: none). */
    private static HttpResponse<String> postOrder(String stage, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/" + stage + "/orders"))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<String> preflight(String path, String method, String requestHeaders) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", method);
        if (requestHeaders != null) {
            request.header("Access-Control-Request-Headers", requestHeaders);
        }
        return send(request);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String requestId(HttpResponse<?> response) {
        String id = header(response, "x-amzn-RequestId");
        assertNotNull(id, "x-amzn-RequestId");
        return id;
    }

    /** CreateOrder's id: ORD- and the first 8 hex digits of $context.requestId, which the request template passed on. */
    private static String orderIdOf(HttpResponse<?> response) {
        return "ORD-" + requestId(response).substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** The body the default (201) response template renders. */
    private static String created(String orderId, String customer, int itemCount, String amount, String currency,
                                  String stage) {
        return """
                {
                  "orderId": "%s",
                  "status": "CONFIRMED",
                  "customer": "%s",
                  "itemCount": %d,
                  "total": {"amount": %s, "currency": "%s"},
                  "links": {"self": "/%s/orders/%s"}
                }""".formatted(orderId, customer, itemCount, amount, currency, stage, orderId);
    }

    /** The body the MOCK's 200 response template renders. */
    private static String cannedOrder(String orderId, String currency, String stage) {
        return """
                {
                  "orderId": "%s",
                  "status": "SHIPPED",
                  "items": [{"sku": "BOOK-1", "quantity": 2, "unitPrice": 12.5}],
                  "total": {"amount": 25, "currency": "%s"},
                  "links": {"self": "/%s/orders/%s"}
                }""".formatted(orderId, currency, stage, orderId);
    }

    private static void assertCreated(String body, String stage, HttpResponse<String> response) {
        String orderId = orderIdOf(response);
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(body.replace("{ID}", orderId), response.body());
        assertEquals("application/json", header(response, "Content-Type"));
        assertEquals("*", header(response, "Access-Control-Allow-Origin"));
        assertEquals("/" + stage + "/orders/" + orderId, header(response, "Location")); // responseOverride.header
        assertEquals(orderId, header(response, "X-Order-Id"));                         // integration.response.body.orderId
        assertNull(header(response, "x-amzn-ErrorType"));
    }

    /** BAD_REQUEST_BODY as the API customises it: 400, its own template and headers. */
    private static void assertInvalidBody(String validationErrors, HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("{\"message\": \"Invalid request body\", \"type\": \"BAD_REQUEST_BODY\", \"requestId\": \""
                + requestId(response) + "\"}", response.body());
        assertEquals("application/json", header(response, "Content-Type"));
        assertEquals("BadRequestException", header(response, "x-amzn-ErrorType"));
        assertEquals("*", header(response, "Access-Control-Allow-Origin"));
        assertEquals(validationErrors, header(response, "X-Validation-Errors"));
    }

    /** A 4xx type the API leaves alone: AWS's default body, DEFAULT_4XX's CORS header. */
    private static void assertDefault4xx(int status, String body, String errorType, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals("application/json", header(response, "Content-Type"));
        assertEquals(errorType, header(response, "x-amzn-ErrorType"));
        assertEquals("*", header(response, "Access-Control-Allow-Origin"));
        assertNull(header(response, "X-Validation-Errors"));
    }

    @Test
    void browserFlowPreflightThenCreateOrder() throws Exception {
        // 1. The browser asks first: a JSON POST with a custom header is not a "simple" request.
        HttpResponse<String> preflight = preflight("/dev/orders", "POST", "content-type,x-customer");
        assertEquals(200, preflight.statusCode(), preflight.body());
        assertEquals("", preflight.body());
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
        assertEquals("OPTIONS,POST", header(preflight, "Access-Control-Allow-Methods"));
        assertEquals("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Customer",
                header(preflight, "Access-Control-Allow-Headers"));
        assertEquals("application/json", header(preflight, "Content-Type"));
        assertNull(header(preflight, "X-Amzn-Trace-Id"), "MOCK answers carry no trace header");

        // 2. The actual request. 2 x 12.50 + 3 x 1.99 + 9.90 express shipping = 40.87 (in cents: no float dust).
        HttpResponse<String> created = postOrder("dev",
                "{\"shipping\":\"express\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":2,\"unitPrice\":12.5},"
                        + "{\"sku\":\"PEN-7\",\"quantity\":3,\"unitPrice\":1.99}]}",
                "Origin", ORIGIN, "Content-Type", "application/json", "X-Customer", "Ada");
        assertCreated(created("{ID}", "Ada", 5, "40.87", "EUR", "dev"), "dev", created);
        assertNotNull(header(created, "X-Amzn-Trace-Id"), "a Lambda integration's success carries the trace header");
    }

    @Test
    void preflightOfOneOrderAllowsGet() throws Exception {
        HttpResponse<String> preflight = preflight("/dev/orders/42", "GET", null);
        assertEquals(200, preflight.statusCode(), preflight.body());
        assertEquals("", preflight.body());
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
        assertEquals("GET,OPTIONS", header(preflight, "Access-Control-Allow-Methods"));
        assertEquals("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token",
                header(preflight, "Access-Control-Allow-Headers"));
    }

    @Test
    void requestTemplateEscapesTheCustomerHeaderAndMoneyIsCounted() throws Exception {
        // escapeJavaScript(...).replaceAll("\\'","'"): quotes and backslashes escaped, the apostrophe left alone.
        // A missing Content-Type counts as application/json. 3 x 19.99 = 59.97, standard shipping is free.
        HttpResponse<String> created = postOrder("dev",
                "{\"shipping\":\"standard\",\"items\":[{\"sku\":\"MUG-2\",\"quantity\":3,\"unitPrice\":19.99}]}",
                "X-Customer", "Ada \"Countess\" O'Brien \\ Lovelace");
        assertCreated(created("{ID}", "Ada \\\"Countess\\\" O'Brien \\\\ Lovelace", 3, "59.97", "EUR", "dev"),
                "dev", created);
    }

    @Test
    void invalidBodiesAreRefusedByTheOrderModel() throws Exception {
        String[] json = {"Content-Type", "application/json", "X-Customer", "Ada", "Origin", ORIGIN};
        Map<String, String> cases = Map.of(
                // missing required field
                "{\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":12.5}]}",
                "[object has missing required properties ([\"shipping\"])]",
                // wrong type, inside a LineItem reached through the array's $ref
                "{\"shipping\":\"standard\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":\"two\",\"unitPrice\":12.5}]}",
                "[instance type (string) does not match any allowed primitive type (allowed: [\"integer\"])]",
                // not one of the enum's values
                "{\"shipping\":\"teleport\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":12.5}]}",
                "[instance value (\"teleport\") not found in enum (possible values: [\"standard\",\"express\"])]",
                // below the minimum
                "{\"shipping\":\"standard\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":0,\"unitPrice\":12.5}]}",
                "[numeric instance is lower than the required minimum (minimum: 1, found: 0)]",
                // a LineItem without its required fields, and a sku the pattern refuses
                "{\"shipping\":\"standard\",\"items\":[{\"sku\":\"book 1\"}]}",
                "[object has missing required properties ([\"quantity\",\"unitPrice\"]), "
                        + "ECMA 262 regex \"^[A-Z0-9-]+$\" does not match input string \"book 1\"]");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertInvalidBody(c.getValue(), postOrder("dev", c.getKey(), json));
        }
        // An empty body is validated as {}.
        assertInvalidBody("[object has missing required properties ([\"shipping\",\"items\"])]", postOrder("dev", null, json));
    }

    @Test
    void missingOrBlankCustomerHeaderIsDefault4xxWithCors() throws Exception {
        String message = "{\"message\":\"Missing required request parameters: [X-Customer]\"}";
        assertDefault4xx(400, message, "BadRequestException",
                postOrder("dev", ONE_BOOK, "Content-Type", "application/json", "Origin", ORIGIN));
        assertDefault4xx(400, message, "BadRequestException",
                postOrder("dev", ONE_BOOK, "Content-Type", "application/json", "X-Customer", " "));
        // Parameters are checked before the body: an empty body gets the parameters' message.
        assertDefault4xx(400, message, "BadRequestException", postOrder("dev", null, "Content-Type", "application/json"));
    }

    /** A function error: its errorMessage selected an integration response (not a gateway error, not a 5xx). */
    private static void assertFunctionError(int status, String body, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertEquals("application/json", header(response, "Content-Type"));
        assertEquals("*", header(response, "Access-Control-Allow-Origin"));
        assertNull(header(response, "Location"));
        assertNull(header(response, "X-Order-Id"));
        assertNull(header(response, "x-amzn-ErrorType"), "an integration response, not a gateway error");
    }

    @Test
    void outOfStockIsTheFunctionsErrorMappedTo409() throws Exception {
        assertFunctionError(409, "{\"message\": \"Out of stock: SOLD-OUT\"}", postOrder("dev",
                "{\"shipping\":\"standard\",\"items\":[{\"sku\":\"BOOK-1\",\"quantity\":1,\"unitPrice\":12.5},"
                        + "{\"sku\":\"SOLD-OUT\",\"quantity\":1,\"unitPrice\":3}]}",
                "Content-Type", "application/json", "X-Customer", "Ada", "Origin", ORIGIN));
    }

    @Test
    void anOrderWithoutItemsPassesTheModelButTheFunctionRefusesIt() throws Exception {
        assertFunctionError(400, "{\"message\": \"Invalid order: no items\"}", postOrder("dev",
                "{\"shipping\":\"express\",\"items\":[]}", "Content-Type", "application/json", "X-Customer", "Ada"));
    }

    @Test
    void getOrderIsAMockWith200Or404() throws Exception {
        HttpResponse<String> found = gateway.get("/dev/orders/42");
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(cannedOrder("42", "EUR", "dev"), found.body());
        assertEquals("application/json", header(found, "Content-Type"));
        assertEquals("*", header(found, "Access-Control-Allow-Origin"));

        HttpResponse<String> missing = gateway.get("/dev/orders/0");
        assertEquals(404, missing.statusCode(), missing.body());
        assertEquals("{\"message\":\"Order 0 not found\"}", missing.body());
        assertEquals("application/json", header(missing, "Content-Type"));
        assertEquals("*", header(missing, "Access-Control-Allow-Origin"));
        assertNull(header(missing, "x-amzn-ErrorType"), "an integration response, not a gateway error");
    }

    @Test
    void prodStageRendersItsCurrency() throws Exception {
        assertEquals(cannedOrder("7", "USD", "prod"), gateway.get("/prod/orders/7").body());
        HttpResponse<String> created = postOrder("prod", ONE_BOOK, "Content-Type", "application/json; charset=UTF-8",
                "X-Customer", "Grace");
        assertCreated(created("{ID}", "Grace", 1, "12.5", "USD", "prod"), "prod", created);
    }

    @Test
    void otherGatewayErrorsGetTheCorsHeaderFromDefault4xx() throws Exception {
        // passthroughBehavior NEVER: a body type without a template never reaches the function.
        assertDefault4xx(415, "{\"message\":\"Unsupported Media Type\"}", "BadRequestException",
                postOrder("dev", "shipping=standard", "Content-Type", "application/x-www-form-urlencoded",
                        "X-Customer", "Ada"));
        assertDefault4xx(403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException",
                send(HttpRequest.newBuilder(gateway.uri("/dev/orders/42")).DELETE()));
    }
}
