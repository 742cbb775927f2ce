package dev.gwemu.validation;

import static dev.gwemu.validation.Fixtures.multi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** §7 validateRequestParameters. */
class RequiredParametersTest {
    private static final Models MODELS = Models.compile(Fixtures.API_ID, Map.of());

    private static RequestValidator parameters(Map<String, Boolean> requestParameters) {
        return RequestValidator.compile(false, true, requestParameters, Map.of(), MODELS);
    }

    private static Optional<ValidationFailure> send(RequestValidator validator, Map<String, String> path,
                                                    Map<String, List<String>> query,
                                                    Map<String, List<String>> headers) {
        return validator.validate(path, query, headers, null, new byte[0]);
    }

    @Test
    void listsEveryMissingParameterSortedByExpression() {
        // §7 [V] (LocalStack test_api_gateway_request_validator, "missing-all-required-request-params-post"):
        // inserted here in the opposite order, to show the sort by full expression key
        Map<String, Boolean> requestParameters = new LinkedHashMap<>();
        requestParameters.put("method.request.querystring.qs1", true);
        requestParameters.put("method.request.path.issuer", true);
        requestParameters.put("method.request.header.x-header-param", true);

        ValidationFailure failure = send(parameters(requestParameters), Map.of("test", "value"), Map.of(), Map.of())
                .orElseThrow();

        assertEquals(ValidationFailure.Kind.PARAMETERS, failure.kind());
        assertEquals("Missing required request parameters: [x-header-param, issuer, qs1]", failure.message());
        assertEquals(failure.message(), failure.validationErrorString());
    }

    @Test
    void namesOnlyWhatIsMissing() {
        // §7 [V]: "missing-required-qs-request-params-get"
        RequestValidator validator = parameters(Map.of("method.request.querystring.qs1", true,
                "method.request.header.x-header-param", true, "method.request.path.test", true));

        assertEquals("Missing required request parameters: [qs1]",
                send(validator, Map.of("test", "value"), Map.of(), multi("x-header-param", "test"))
                        .orElseThrow().message());
        assertEquals("Missing required request parameters: [x-header-param]",
                send(validator, Map.of("test", "value"), multi("qs1", "test"), Map.of()).orElseThrow().message());
        assertEquals(Optional.empty(),
                send(validator, Map.of("test", "value"), multi("qs1", "test"), multi("x-header-param", "test")));
    }

    @Test
    void blankValuesCountAsMissing() {
        // §7 [D]: present and not blank, "?q1=" is missing
        RequestValidator validator = parameters(Map.of("method.request.querystring.q1", true,
                "method.request.header.X-Key", true, "method.request.path.id", true));

        assertEquals("Missing required request parameters: [X-Key, id, q1]",
                send(validator, Map.of("id", ""), multi("q1", ""), multi("X-Key", "  ")).orElseThrow().message());
    }

    @Test
    void optionalParametersAreNotChecked() {
        RequestValidator validator = parameters(Map.of("method.request.querystring.q", false,
                "method.request.header.h", false));

        assertEquals(Optional.empty(), send(validator, Map.of(), Map.of(), Map.of()));
    }

    @Test
    void singleValueFormsSeeTheLastValueMultiValueFormsAnyValue() {
        // [U] choice documented in RequiredParameters: querystring is the last value (as mapping sees it, §4.1)
        RequestValidator single = parameters(Map.of("method.request.querystring.q", true));
        RequestValidator multiple = parameters(Map.of("method.request.multivaluequerystring.q", true));
        Map<String, List<String>> query = multi("q", "a", "q", "");

        assertEquals("Missing required request parameters: [q]", send(single, Map.of(), query, Map.of())
                .orElseThrow().message());
        assertEquals(Optional.empty(), send(multiple, Map.of(), query, Map.of()));
        assertEquals("Missing required request parameters: [q]",
                send(multiple, Map.of(), multi("q", "", "q", " "), Map.of()).orElseThrow().message());
    }

    @Test
    void multiValueHeaders() {
        RequestValidator validator = parameters(Map.of("method.request.multivalueheader.X-Tag", true));

        assertEquals(Optional.empty(), send(validator, Map.of(), Map.of(), multi("X-Tag", "", "X-Tag", "b")));
        assertEquals("Missing required request parameters: [X-Tag]",
                send(validator, Map.of(), Map.of(), Map.of()).orElseThrow().message());
    }

    @Test
    void headerNamesFollowTheConfiguredCaseRule() {
        // §7 [E]: case-sensitive by default (RequiredParameters.HEADER_NAMES_CASE_SENSITIVE)
        RequestValidator validator = parameters(Map.of("method.request.header.X-Key", true));

        Optional<ValidationFailure> lowerCase = send(validator, Map.of(), Map.of(), multi("x-key", "v"));

        assertEquals(RequiredParameters.HEADER_NAMES_CASE_SENSITIVE, lowerCase.isPresent());
        assertEquals(Optional.empty(), send(validator, Map.of(), Map.of(), multi("X-Key", "v")));
        // the rule holds whatever map the pipeline passes, a case-insensitive one included
        Map<String, List<String>> insensitive = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.put("x-key", List.of("v"));
        assertEquals(RequiredParameters.HEADER_NAMES_CASE_SENSITIVE,
                send(validator, Map.of(), Map.of(), insensitive).isPresent());
    }

    @Test
    void parameterNamesMayContainDots() {
        RequestValidator validator = parameters(Map.of("method.request.header.x.trace.id", true));

        assertEquals("Missing required request parameters: [x.trace.id]",
                send(validator, Map.of(), Map.of(), multi("x", "v")).orElseThrow().message());
        assertEquals(Optional.empty(), send(validator, Map.of(), Map.of(), multi("x.trace.id", "v")));
    }

    @Test
    void expressionsThatAreNotParametersAreIgnored() {
        RequestValidator validator = parameters(Map.of("method.request.body", true,
                "method.request.cookie.c", true, "stageVariables.x", true));

        assertEquals(Optional.empty(), send(validator, Map.of(), Map.of(), Map.of()));
    }

    @Test
    void nothingIsCheckedWhenParameterValidationIsOff() {
        RequestValidator validator = RequestValidator.compile(false, false,
                Map.of("method.request.querystring.q", true), Map.of(), MODELS);

        assertEquals(Optional.empty(), send(validator, Map.of(), Map.of(), Map.of()));
    }

    @Test
    void parametersAreCheckedBeforeTheBody() {
        // §7 / §0 step 5: both fail, the parameters failure wins
        Models models = Fixtures.models("M", "{\"type\":\"object\",\"required\":[\"a\"]}");
        RequestValidator validator = RequestValidator.compile(true, true,
                Map.of("method.request.querystring.q", true), Map.of("application/json", "M"), models);

        ValidationFailure failure = validator.validate(Map.of(), Map.of(), Map.of(), "application/json",
                "not json".getBytes()).orElseThrow();

        assertEquals(ValidationFailure.Kind.PARAMETERS, failure.kind());
        ValidationFailure body = validator.validate(Map.of(), multi("q", "x"), Map.of(), "application/json",
                "not json".getBytes()).orElseThrow();
        assertEquals(ValidationFailure.Kind.BODY, body.kind());
        assertTrue(body.validationErrorString().startsWith("["));
    }

    @Test
    void nullMapsMeanNothingWasSent() {
        RequestValidator validator = parameters(Map.of("method.request.path.p", true,
                "method.request.querystring.q", true, "method.request.header.h", true));

        assertEquals("Missing required request parameters: [h, p, q]",
                validator.validate(null, null, null, null, new byte[0]).orElseThrow().message());
    }
}
