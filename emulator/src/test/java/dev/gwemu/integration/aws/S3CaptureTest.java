package dev.gwemu.integration.aws;

import dev.gwemu.pipeline.GatewayException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3 capture: objects written as files under the state dir and read back, S3's own answers and errors. */
class S3CaptureTest {
    private static final String URI = "arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}";

    @TempDir
    Path stateDir;
    CaptureBackend backend;

    @BeforeEach
    void start() {
        backend = new CaptureBackend(stateDir, Clock.fixed(CaptureBackendTest.NOW, ZoneOffset.UTC),
                CaptureBackendTest.ACCOUNT, "us-east-1");
    }

    private static ServiceCall call(String method, String bucket, String key, byte[] body, Map<String, String> mapped) {
        return ServiceCallBuilder.of(AwsServiceUri.parse(URI)).method(method, method)
                .pathValues(Map.of("bucket", bucket, "key", key)).headers(mapped).body(body).build();
    }

    @Test
    void putObjectWritesTheFileAndAnswersItsEtag() throws Exception {
        byte[] body = "{\"put_id\": 1}".getBytes(StandardCharsets.UTF_8);
        ServiceAnswer put = backend.send(call("PUT", "my-bucket", "docs/test.json", body,
                Map.of("Content-Type", "application/json", "x-amz-meta-Owner", "team-a")), 1);

        assertEquals(200, put.status());
        assertEquals(0, put.body().length);
        String etag = "\"" + SqsCapture.md5Hex(body) + "\"";
        assertEquals(List.of(etag), put.headers().get("etag"));
        assertTrue(put.headers().containsKey("x-amz-request-id"));
        assertArrayEquals(body, Files.readAllBytes(stateDir.resolve("s3/my-bucket/docs/test.json")));

        ServiceAnswer get = backend.send(call("GET", "my-bucket", "docs/test.json", new byte[0], Map.of()), 1);
        assertEquals(200, get.status());
        assertArrayEquals(body, get.body());
        assertEquals(List.of("application/json"), get.headers().get("Content-Type"));
        assertEquals(List.of(etag), get.headers().get("ETag"));
        assertEquals(List.of("Fri, 02 Jan 2026 03:04:05 GMT"), get.headers().get("Last-Modified"));
        assertEquals(List.of("team-a"), get.headers().get("x-amz-meta-owner"));
        assertEquals(List.of(Integer.toString(body.length)), get.headers().get("Content-Length"));
    }

    @Test
    void binaryObjectsRoundTripByteForByte() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        backend.send(call("PUT", "b", "images/all-bytes.bin", binary, Map.of("Content-Type", "image/png")), 1);

        ServiceAnswer get = backend.send(call("GET", "b", "images/all-bytes.bin", new byte[0], Map.of()), 1);
        assertArrayEquals(binary, get.body());
        assertEquals("image/png", get.headers().get("Content-Type").get(0));
        assertTrue(backend.calls().read("s3").get(0).has("bodyBase64"), "the log keeps the binary body as base64");
    }

    @Test
    void anObjectPutWithoutContentTypeIsBinaryOctetStream() {
        backend.send(call("PUT", "b", "k", new byte[]{1}, Map.of()), 1);
        assertEquals("binary/octet-stream",
                backend.send(call("GET", "b", "k", new byte[0], Map.of()), 1).headers().get("Content-Type").get(0));
    }

    @Test
    void aMissingObjectIsNoSuchKey() throws Exception {
        ServiceAnswer missing = backend.send(call("GET", "b", "test.json", new byte[0], Map.of()), 1);

        assertEquals(404, missing.status());
        assertEquals("application/xml", missing.headers().get("Content-Type").get(0));
        Element error = CaptureBackendTest.xml(missing);
        assertEquals("Error", error.getTagName());
        assertEquals("NoSuchKey", CaptureBackendTest.text(error, "Code"));
        assertEquals("The specified key does not exist.", CaptureBackendTest.text(error, "Message"));
        assertEquals("test.json", CaptureBackendTest.text(error, "Key"));
        assertFalse(CaptureBackendTest.text(error, "RequestId").isEmpty());

        ServiceAnswer head = backend.send(call("HEAD", "b", "test.json", new byte[0], Map.of()), 1);
        assertEquals(404, head.status());
        assertEquals(0, head.body().length, "a HEAD answer has no body");
    }

    @Test
    void headObjectAnswersTheHeadersWithoutTheBodyAndDeleteRemovesIt() {
        backend.send(call("PUT", "b", "k.txt", "hello".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/plain")), 1);

        ServiceAnswer head = backend.send(call("HEAD", "b", "k.txt", new byte[0], Map.of()), 1);
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals("5", head.headers().get("Content-Length").get(0));
        assertEquals("text/plain", head.headers().get("Content-Type").get(0));

        ServiceAnswer delete = backend.send(call("DELETE", "b", "k.txt", new byte[0], Map.of()), 1);
        assertEquals(204, delete.status());
        assertFalse(Files.exists(stateDir.resolve("s3/b/k.txt")));
        assertEquals(404, backend.send(call("GET", "b", "k.txt", new byte[0], Map.of()), 1).status());
    }

    @Test
    void keysThatWouldLeaveTheBucketFolderAreRefused() {
        for (String key : List.of("../../outside.txt", "a/../../x", "%2e%2e/x", "a//b", "./x")) {
            GatewayException e = assertThrows(GatewayException.class,
                    () -> backend.send(call("PUT", "b", key, new byte[]{1}, Map.of()), 1), key);
            assertEquals(500, e.status());
            assertTrue(e.detail().contains("not captured"), e.detail());
        }
        GatewayException bucket = assertThrows(GatewayException.class,
                () -> backend.send(call("PUT", "..", "x", new byte[]{1}, Map.of()), 1));
        assertEquals(500, bucket.status());
        assertFalse(Files.exists(stateDir.resolve("outside.txt")));
        assertFalse(Files.exists(stateDir.getParent().resolve("outside.txt")));
    }

    @Test
    void aVirtualHostedBucketStoresUnderTheSameFolder() {
        ServiceCall put = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-west-2:my-bucket.s3:path/{key}"))
                .method("PUT", "PUT").pathValues(Map.of("key", "a/b.txt"))
                .body("x".getBytes(StandardCharsets.UTF_8)).build();
        assertEquals(200, backend.send(put, 1).status());
        assertTrue(Files.exists(stateDir.resolve("s3/my-bucket/a/b.txt")));
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8),
                backend.send(call("GET", "my-bucket", "a/b.txt", new byte[0], Map.of()), 1).body());
    }

    @Test
    void aRangeRequestAndABucketListingAreNotCaptured() {
        backend.send(call("PUT", "b", "k", new byte[]{1, 2, 3}, Map.of()), 1);
        GatewayException range = assertThrows(GatewayException.class,
                () -> backend.send(call("GET", "b", "k", new byte[0], Map.of("Range", "bytes=0-1")), 1));
        assertTrue(range.detail().contains("Range"), range.detail());

        ServiceCall list = ServiceCallBuilder.of(AwsServiceUri.parse("arn:aws:apigateway:us-west-2:s3:path/b"))
                .method("GET", "GET").build();
        GatewayException listing = assertThrows(GatewayException.class, () -> backend.send(list, 1));
        assertTrue(listing.detail().contains("ListObjects"), listing.detail());
    }
}
