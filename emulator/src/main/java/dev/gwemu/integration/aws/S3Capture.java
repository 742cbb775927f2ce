package dev.gwemu.integration.aws;

import dev.gwemu.pipeline.HeaderList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * S3 objects over {@link S3Objects}: PutObject writes the bytes and answers 200 with the {@code ETag} (the MD5,
 * quoted) and no body [D]; GetObject answers the bytes with their Content-Type, ETag, Last-Modified and
 * {@code x-amz-meta-*}, or 404 {@code NoSuchKey} [D][E]; HeadObject the same without a body; DeleteObject 204 [D].
 * A Range request is a 500 naming it (not captured), not a full answer.
 */
final class S3Capture implements ServiceCapture {
    private static final String META_PREFIX = "x-amz-meta-";
    private final S3Objects objects;

    S3Capture(S3Objects objects) {
        this.objects = objects;
    }


    @Override
    public ServiceAnswer answer(ServiceCall call, CaptureContext context) {
        S3Address address = S3Address.of(call.host(), call.path());
        try {
            return switch (call.action()) {
                case "PutObject" -> put(call, address, context);
                case "GetObject", "HeadObject" -> get(call, address, context, call.action().equals("GetObject"));
                default -> {
                    objects.delete(address.bucket(), address.key());
                    yield s3Answer(204, null, new byte[0], context);
                }
            };
        } catch (S3Objects.UnstorableKey e) {
            throw CaptureBackend.notCaptured("s3", call.action() + " of " + address.bucket() + "/" + address.key()
                    + ": " + e.getMessage() + " (gwemu stores captured objects as files under " + objects.root() + ")");
        }
    }

    private ServiceAnswer put(ServiceCall call, S3Address address, CaptureContext context) {
        Map<String, String> metadata = new LinkedHashMap<>();
        call.headers().grouped().forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(META_PREFIX)) {
                metadata.put(name.substring(META_PREFIX.length()).toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        String etag = objects.put(address.bucket(), address.key(), call.body(), call.headers().last("Content-Type"),
                metadata, context.now());
        ServiceAnswer answer = s3Answer(200, null, new byte[0], context);
        answer.headers().put("ETag", List.of(etag));
        answer.headers().put("x-amz-server-side-encryption", List.of("AES256"));
        return answer;
    }

    private ServiceAnswer get(ServiceCall call, S3Address address, CaptureContext context, boolean withBody) {
        HeaderList headers = call.headers();
        if (headers.contains("Range")) {
            throw CaptureBackend.notCaptured("s3", call.action() + " with a Range header");
        }
        S3Objects.StoredObject object = objects.get(address.bucket(), address.key());
        if (object == null) {
            ServiceAnswer missing = CaptureAnswers.s3Error(404, "NoSuchKey", "The specified key does not exist.",
                    address.key(), context.requestId(), context.now());
            // A HEAD answer has no body; S3 says only the status [D].
            return withBody ? missing : new ServiceAnswer(404, missing.headers(), new byte[0]);
        }
        ServiceAnswer answer = s3Answer(200, object.contentType(), withBody ? object.bytes() : new byte[0], context);
        Map<String, List<String>> out = answer.headers();
        out.put("Content-Length", List.of(Integer.toString(object.bytes().length)));
        out.put("ETag", List.of(object.etag()));
        out.put("Last-Modified", List.of(CaptureAnswers.httpDate(object.lastModified())));
        out.put("Accept-Ranges", List.of("bytes"));
        out.put("x-amz-server-side-encryption", List.of("AES256"));
        object.metadata().forEach((name, value) -> out.put(META_PREFIX + name, List.of(value)));
        return answer;
    }

    private static ServiceAnswer s3Answer(int status, String contentType, byte[] body, CaptureContext context) {
        ServiceAnswer answer = CaptureAnswers.answer(status, contentType, body, "x-amz-request-id",
                context.requestId(), context.now());
        answer.headers().put("x-amz-id-2", List.of(CaptureAnswers.hostId(context.requestId())));
        return answer;
    }
}
