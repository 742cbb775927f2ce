package dev.gwemu.auth.sigv4;

import dev.gwemu.pipeline.HeaderList;
import dev.gwemu.pipeline.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** gwemu's canonical request against the one the AWS SDK for Java v2 builds for the same request. */
class CanonicalRequestTest {
    private static final String HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @ParameterizedTest
    @ValueSource(strings = {
            "/", "/dev", "/dev/pets/", "/a/b/.", "/a/b/..", "/a/b/../", "/..", "/../a", "/a/../../b", "/a/./b/./",
            "//double//slashes//", "/a//", "/%2e%2e/x", "/a/%2F/", "/a/b/%2F", "/a/b/%2f", "/a/.%2F", "/a;b=c/d", "/a:b/c",
            "/~user/", "/%7e/%41", "/caf%C3%A9", "/caf%c3%a9", "/ünï/☃", "/sp%20ace/p+lus", "/a/.../b", "/a/..b/c",
            "/a/b/c/../../../../d", "/-_.~!$&'()*+,;=:@"})
    void pathMatchesTheSdk(String path) {
        HttpRequest request = request("GET", path, "", new HeaderList().add("Host", SdkSigning.HOST));
        assertEquals(SdkSigning.sdkCanonicalRequest(request, HASH), build(request));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/a/b/.", "/a/b/..", "/..", "/../a", "/a/../../b", "//x//y//", "/a/./b/../c/", "/a/b/c/../../../../d", "/.", "/./a:b"})
    void normalisationIsJavaNetUris(String path) {
        assertEquals(URI.create("http://h" + path).normalize().getRawPath(), CanonicalPath.normalize(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "b=2&a=1&a=0", "a=2&a=10&a=1", "flag", "flag=", "empty=&x=1", "=nameless&x=1", "&&a=1&&", "sp=a%20b&star=%2A&tilde=%7E",
            "u=caf%C3%A9&k%C3%A9y=v", "slash=%2F&q=%3F&amp=%26&eq=%3D", "A=1&a=1&B=2&_=3&~=4", "x=%25&y=%2525",
            "ünï=☃"})
    void queryMatchesTheSdk(String query) {
        HttpRequest request = request("GET", "/dev/pets", query, new HeaderList().add("Host", SdkSigning.HOST));
        assertEquals(SdkSigning.sdkCanonicalRequest(request, HASH), build(request));
    }

    @Test
    void headersMatchTheSdk() {
        HeaderList headers = new HeaderList()
                .add("Host", SdkSigning.HOST)
                .add("X-Amz-Date", "20240101T120000Z")
                .add("Content-Type", "application/json; charset=utf-8")
                .add("X-Spaces", "  a   b \t c  ")
                .add("x-multi", "one")
                .add("X-Multi", "  two  ")
                .add("X-Empty", "")
                .add("X-Blank", "   ")
                .add("X-Form-Feed", "a\fb\u000bc");
        HttpRequest request = request("POST", "/dev/pets", "", headers);
        assertEquals(SdkSigning.sdkCanonicalRequest(request, HASH), build(request));
    }

    @Test
    void thePresignedSignatureIsLeftOutOfTheQuery() {
        QueryParameters query = QueryParameters.parse("b=1&X-Amz-Signature=abc&a=2");
        HttpRequest request = request("GET", "/", "", new HeaderList().add("Host", "h"));
        assertEquals("GET\n/\na=2&b=1\nhost:h\n\nhost\nUNSIGNED-PAYLOAD",
                CanonicalRequest.build(request, query, true, "host", "UNSIGNED-PAYLOAD"));
        assertEquals("GET\n/\nX-Amz-Signature=abc&a=2&b=1\nhost:h\n\nhost\nUNSIGNED-PAYLOAD",
                CanonicalRequest.build(request, query, false, "host", "UNSIGNED-PAYLOAD"));
    }

    @Test
    void aSignedHeaderThatDidNotArriveIsSignedEmpty() {
        HttpRequest request = request("GET", "/", "", new HeaderList().add("Host", "h"));
        assertEquals("GET\n/\n\nhost:h\nx-gone:\n\nhost;x-gone\n" + HASH,
                CanonicalRequest.build(request, QueryParameters.parse(""), false, "host;x-gone", HASH));
    }

    /** The SDK never sends '+'; AWS's form decoding reads it as a space [unc], so gwemu signs it as %20. */
    @Test
    void plusInTheQueryIsASpaceAndABadEscapeStaysLiteral() {
        HttpRequest request = request("GET", "/", "", new HeaderList().add("Host", "h"));
        assertEquals("GET\n/\nbad=%25zz&q=a%20b%2Bc\nhost:h\n\nhost\n" + HASH,
                CanonicalRequest.build(request, QueryParameters.parse("q=a+b%2Bc&bad=%zz"), false, "host", HASH));
    }

    private static String build(HttpRequest request) {
        String sdk = SdkSigning.sdkCanonicalRequest(request, HASH);
        String[] lines = sdk.split("\n", -1);
        String signedHeaders = lines[lines.length - 2];
        return CanonicalRequest.build(request, QueryParameters.parse(request.rawQuery()), false, signedHeaders, HASH);
    }

    private static HttpRequest request(String method, String path, String query, HeaderList headers) {
        return new HttpRequest(method, path, query, headers, new byte[0], "127.0.0.1", "HTTP/1.1", "http", 3000);
    }
}
