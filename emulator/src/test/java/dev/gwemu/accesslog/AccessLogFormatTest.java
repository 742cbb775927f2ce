package dev.gwemu.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS's access log formats (the console's CLF, JSON, XML and CSV examples) compiled and rendered. */
class AccessLogFormatTest {
    // The examples of AWS's "Access logging for REST APIs" page, each on one line as AWS requires.
    static final String CLF = "$context.identity.sourceIp $context.identity.caller $context.identity.user "
            + "[$context.requestTime]\"$context.httpMethod $context.resourcePath $context.protocol\" "
            + "$context.status $context.responseLength $context.requestId $context.extendedRequestId";
    static final String JSON_FORMAT = "{ \"requestId\":\"$context.requestId\", \"extendedRequestId\":\"$context.extendedRequestId\", "
            + "\"ip\": \"$context.identity.sourceIp\", \"caller\":\"$context.identity.caller\", \"user\":\"$context.identity.user\", "
            + "\"requestTime\":\"$context.requestTime\", \"httpMethod\":\"$context.httpMethod\", "
            + "\"resourcePath\":\"$context.resourcePath\", \"status\":\"$context.status\", "
            + "\"protocol\":\"$context.protocol\", \"responseLength\":\"$context.responseLength\" }";
    static final String XML = "<request id=\"$context.requestId\"> <extendedRequestId>$context.extendedRequestId</extendedRequestId> "
            + "<ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller> <user>$context.identity.user</user> "
            + "<requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> "
            + "<resourcePath>$context.resourcePath</resourcePath> <status>$context.status</status> "
            + "<protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> </request>";
    static final String CSV = "$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,"
            + "$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,$context.responseLength,"
            + "$context.requestId,$context.extendedRequestId";

    private static final Map<String, String> VALUES = Map.of(
            "identity.sourceIp", "203.0.113.7", "requestTime", "14/Mar/2025:09:26:53 +0000", "httpMethod", "GET",
            "resourcePath", "/pets/{id}", "protocol", "HTTP/1.1", "status", "200", "responseLength", "42",
            "requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "extendedRequestId", "IkT7QYN+0fsbouM=");

    private static String render(String format, Map<String, String> values) {
        StringBuilder line = new StringBuilder();
        AccessLogFormat.parse(format).render(values::get, line);
        return line.toString();
    }

    @Test
    void clfPrintsAMissingCallerAndUserAsDashes() {
        assertEquals("203.0.113.7 - - [14/Mar/2025:09:26:53 +0000]\"GET /pets/{id} HTTP/1.1\" 200 42 "
                + "c6af9ac6-7b61-11e6-9a41-93e8deadbeef IkT7QYN+0fsbouM=", render(CLF, VALUES));
    }

    @Test
    void jsonStaysJsonWithEveryFieldAndDashesForMissingValues() throws Exception {
        JsonNode line = new ObjectMapper().readTree(render(JSON_FORMAT, VALUES));

        assertEquals("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", line.get("requestId").asText());
        assertEquals("-", line.get("caller").asText());
        assertEquals("/pets/{id}", line.get("resourcePath").asText());
        assertEquals("200", line.get("status").asText());
        assertEquals(11, line.size());
    }

    @Test
    void xmlAndCsvPutEachValueInItsPlace() {
        assertEquals("<request id=\"c6af9ac6-7b61-11e6-9a41-93e8deadbeef\"> <extendedRequestId>IkT7QYN+0fsbouM=</extendedRequestId> "
                + "<ip>203.0.113.7</ip> <caller>-</caller> <user>-</user> <requestTime>14/Mar/2025:09:26:53 +0000</requestTime> "
                + "<httpMethod>GET</httpMethod> <resourcePath>/pets/{id}</resourcePath> <status>200</status> "
                + "<protocol>HTTP/1.1</protocol> <responseLength>42</responseLength> </request>", render(XML, VALUES));
        assertEquals("203.0.113.7,-,-,14/Mar/2025:09:26:53 +0000,GET,/pets/{id},HTTP/1.1,200,42,"
                + "c6af9ac6-7b61-11e6-9a41-93e8deadbeef,IkT7QYN+0fsbouM=", render(CSV, VALUES));
    }

    @Test
    void quotesBackslashesAndLineBreaksInAValueAreEscapedSoTheLineStaysOneJsonLine() throws Exception {
        Map<String, String> values = new HashMap<>(VALUES);
        values.put("identity.userAgent", "say \"hi\"\\\n\u0001");

        String line = render("{\"requestId\":\"$context.requestId\",\"agent\":\"$context.identity.userAgent\"}", values);

        assertEquals(-1, line.indexOf('\n'));
        assertEquals("say \"hi\"\\\n\u0001", new ObjectMapper().readTree(line).get("agent").asText());
    }

    @Test
    void anEmptyValueIsADashToo() {
        Map<String, String> values = new HashMap<>(VALUES);
        values.put("identity.user", "");

        assertEquals("c6af9ac6-7b61-11e6-9a41-93e8deadbeef - -", render("$context.requestId $context.identity.user $context.nothing", values));
    }

    @Test
    void aVariableNameEndsBeforeAnythingButLettersDigitsUnderscoresAndInnerDots() {
        AccessLogFormat format = AccessLogFormat.parse("id=$context.requestId. x$context.status,$context.authorizer.claims.email]"
                + " $context. $contextual $context.identity.sourceIp-$context.a_b");

        assertEquals(List.of("requestId", "status", "authorizer.claims.email", "identity.sourceIp", "a_b"), format.variables());
        StringBuilder line = new StringBuilder();
        format.render(name -> name.toUpperCase(), line);
        assertEquals("id=REQUESTID. xSTATUS,AUTHORIZER.CLAIMS.EMAIL] $context. $contextual IDENTITY.SOURCEIP-A_B", line.toString());
    }

    @Test
    void theExtendedRequestIdAloneIsEnoughAndATrailingLineBreakIsDropped() {
        assertEquals("IkT7QYN+0fsbouM= 200", render("$context.extendedRequestId $context.status\n", VALUES));
    }

    @Test
    void aFormatWithoutARequestIdIsRefusedAsAwsRefusesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccessLogFormat.parse("$context.identity.sourceIp $context.status $context.requestIdentity"));

        assertTrue(e.getMessage().contains("$context.requestId or $context.extendedRequestId"), e.getMessage());
    }

    @Test
    void aFormatOnSeveralLinesOrEmptyIsRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AccessLogFormat.parse("$context.requestId\n$context.status"))
                .getMessage().contains("single line"));
        assertThrows(IllegalArgumentException.class, () -> AccessLogFormat.parse("$context.requestId\r$context.status"));
        assertThrows(IllegalArgumentException.class, () -> AccessLogFormat.parse(" "));
    }
}
