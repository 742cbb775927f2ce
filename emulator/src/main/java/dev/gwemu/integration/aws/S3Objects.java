package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Objects captured S3 PutObject calls wrote, as plain files: {@code {stateDir}/s3/{bucket}/{key}} holds the bytes
 * (a key's slashes are folders), {@code {stateDir}/s3/.meta/{bucket}/{key}.json} the content type, ETag, time and
 * user metadata ({@code .meta} cannot be a bucket: bucket names start with a letter or digit). Files are replaced
 * atomically, so a reader sees the old object or the new one.
 */
final class S3Objects {
    /** What PutObject stores when the request has no Content-Type [D]. */
    static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    /** A stored object. */
    record StoredObject(byte[] bytes, String contentType, String etag, Instant lastModified, Map<String, String> metadata) {
    }

    /** A bucket or key gwemu cannot store as a file under its folder. */
    static final class UnstorableKey extends RuntimeException {
        UnstorableKey(String message) {
            super(message, null, false, false);
        }
    }

    private final Path root;

    S3Objects(Path stateDir) {
        this.root = stateDir.resolve("s3").toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Writes the object and its metadata; returns the ETag (the MD5 of the bytes, quoted) [D]. */
    String put(String bucket, String key, byte[] bytes, String contentType, Map<String, String> metadata, Instant now) {
        Path data = dataFile(bucket, key);
        Path meta = metaFile(bucket, key);
        String etag = "\"" + SqsCapture.md5Hex(bytes) + "\"";
        ObjectNode node = CaptureAnswers.JSON.createObjectNode()
                .put("contentType", contentType == null ? DEFAULT_CONTENT_TYPE : contentType)
                .put("etag", etag)
                .put("lastModified", now.toString());
        ObjectNode userMetadata = node.putObject("metadata");
        metadata.forEach(userMetadata::put);
        try {
            replace(data, bytes);
            replace(meta, CaptureAnswers.bytes(node));
        } catch (IOException e) {
            throw new UnstorableKey("cannot write " + data + ": " + e);
        }
        return etag;
    }

    /** The object, or null when there is none. */
    StoredObject get(String bucket, String key) {
        Path data = dataFile(bucket, key);
        if (!Files.isRegularFile(data)) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(data);
            JsonNode meta = readMeta(bucket, key);
            String contentType = meta.path("contentType").asText(DEFAULT_CONTENT_TYPE);
            String etag = meta.path("etag").asText("\"" + SqsCapture.md5Hex(bytes) + "\"");
            Instant modified = meta.has("lastModified") ? Instant.parse(meta.get("lastModified").asText())
                    : Files.getLastModifiedTime(data).toInstant();
            Map<String, String> metadata = new LinkedHashMap<>();
            meta.path("metadata").fields().forEachRemaining(f -> metadata.put(f.getKey(), f.getValue().asText()));
            return new StoredObject(bytes, contentType, etag, modified, metadata);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + data + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the object if there is one. */
    void delete(String bucket, String key) {
        try {
            Files.deleteIfExists(dataFile(bucket, key));
            Files.deleteIfExists(metaFile(bucket, key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private JsonNode readMeta(String bucket, String key) throws IOException {
        Path meta = metaFile(bucket, key);
        if (!Files.isRegularFile(meta)) { // an object dropped into the folder by hand
            return CaptureAnswers.JSON.createObjectNode();
        }
        return CaptureAnswers.JSON.readTree(meta.toFile());
    }

    /**
     * @throws UnstorableKey for a bucket that is no single folder name, or a key with an empty, "." or ".." segment
     *                       (which would leave the bucket's folder or not be a file name)
     */
    Path dataFile(String bucket, String key) {
        return resolve(root.resolve(checkedBucket(bucket)), key, "");
    }

    private Path metaFile(String bucket, String key) {
        return resolve(root.resolve(".meta").resolve(checkedBucket(bucket)), key, ".json");
    }

    private static String checkedBucket(String bucket) {
        if (bucket.isEmpty() || bucket.startsWith(".") || bucket.contains("/") || bucket.contains("\\")
                || bucket.indexOf('\0') >= 0) {
            throw new UnstorableKey("bucket name '" + bucket + "' cannot be a folder name");
        }
        return bucket;
    }

    private static Path resolve(Path bucketFolder, String key, String suffix) {
        if (key.isEmpty() || key.indexOf('\0') >= 0 || key.contains("\\")) {
            throw new UnstorableKey("key '" + key + "' cannot be a file name");
        }
        Path path = bucketFolder;
        String[] segments = key.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new UnstorableKey("key '" + key + "' has an empty, '.' or '..' segment");
            }
        }
        for (int i = 0; i < segments.length; i++) {
            path = path.resolve(i == segments.length - 1 ? segments[i] + suffix : segments[i]);
        }
        Path normalized = path.normalize();
        if (!normalized.startsWith(bucketFolder)) { // belt and braces: the checks above already keep it inside
            throw new UnstorableKey("key '" + key + "' leaves the bucket's folder");
        }
        return normalized;
    }

    private static void replace(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.write(temp, bytes);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
