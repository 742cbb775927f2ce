package dev.gwemu.integration.aws;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The messages of captured SQS queues, in memory (rebuilt from the capture log at start): what SendMessage put in,
 * ReceiveMessage hands out and hides for a visibility timeout, DeleteMessage and PurgeQueue take away. Times come
 * from the caller (the backend's clock), so a test that moves its clock moves the timeouts.
 *
 * <p>A message id is derived from what the log holds of its send (queue, time, body MD5, and how many such sends
 * came before), so the same log always gives the same ids; a receipt handle names the queue and the message id, so a
 * DeleteMessage line in the log deletes the same message when the log is replayed.
 *
 * <p>Every queue hands out its oldest visible messages first. A FIFO queue (name ending {@code .fifo}) also holds back
 * a message group while one of its messages is in flight [D], and accepts a message deduplication id once per
 * {@link #DEDUPLICATION_WINDOW} [D]: a second send with it answers the first message and adds nothing.
 */
final class SqsQueues {
    /** One message as sent. */
    record Message(String id, String body, String md5, Instant sent, String groupId, String deduplicationId) {
    }

    /** A message handed out by ReceiveMessage. */
    record Received(Message message, String receiptHandle, int receiveCount, Instant firstReceived) {
    }

    private static final class Stored {
        final Message message;
        int receiveCount;
        Instant firstReceived;
        Instant visibleAt;

        Stored(Message message) {
            this.message = message;
        }
    }

    /** SQS's deduplication interval [D]. */
    static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

    private final Map<String, List<Stored>> queues = new HashMap<>();
    /** The first message of each (queue, deduplication id) of FIFO queues. */
    private final Map<String, Message> deduplicated = new HashMap<>();
    /** Sends seen per (queue, time, MD5): keeps ids unique when equal bodies are sent at the same instant. */
    private final Map<String, Integer> sends = new HashMap<>();

    /**
     * The queue a QueueUrl or a request path names: {@code 123456789012/orders} for
     * {@code https://sqs.us-east-1.amazonaws.com/123456789012/orders} and for {@code /123456789012/orders}.
     */
    static String queueKey(String queueUrlOrPath) {
        String path = queueUrlOrPath.trim();
        if (path.contains("://")) {
            try {
                String raw = URI.create(path).getRawPath();
                path = raw == null ? "" : raw;
            } catch (IllegalArgumentException e) {
                // not a URL: the text itself names the queue
            }
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    static boolean isFifo(String queue) {
        return queue.endsWith(".fifo");
    }

    /**
     * Adds a message, visible after {@code delay}; for a FIFO queue, {@code groupId} and {@code deduplicationId} are
     * given, and a deduplication id already sent within the window answers that earlier message instead.
     */
    synchronized Message send(String queue, String body, String groupId, String deduplicationId, Duration delay,
                              Instant now) {
        String dedupKey = deduplicationId == null ? null : queue + '\n' + deduplicationId;
        if (dedupKey != null) {
            Message first = deduplicated.get(dedupKey);
            if (first != null && now.isBefore(first.sent().plus(DEDUPLICATION_WINDOW))) {
                return first;
            }
        }
        String md5 = SqsCapture.md5Hex(body.getBytes(StandardCharsets.UTF_8));
        String seed = queue + '\n' + now + '\n' + md5;
        int before = sends.merge(seed, 1, Integer::sum) - 1;
        String id = UUID.nameUUIDFromBytes((seed + '\n' + before).getBytes(StandardCharsets.UTF_8)).toString();
        Message message = new Message(id, body, md5, now, groupId, deduplicationId);
        if (dedupKey != null) {
            deduplicated.put(dedupKey, message);
        }
        Stored stored = new Stored(message);
        if (!delay.isZero()) {
            stored.visibleAt = now.plus(delay);
        }
        queues.computeIfAbsent(queue, q -> new ArrayList<>()).add(stored);
        return message;
    }

    /** Up to {@code max} visible messages, oldest first, each hidden until {@code now + visibility}. */
    synchronized List<Received> receive(String queue, int max, Duration visibility, Instant now) {
        List<Received> received = new ArrayList<>();
        List<Stored> messages = queues.getOrDefault(queue, List.of());
        Set<String> heldBack = new HashSet<>(); // FIFO groups with a message in flight or not yet visible
        if (isFifo(queue)) {
            for (Stored stored : messages) {
                if (stored.visibleAt != null && stored.visibleAt.isAfter(now)) {
                    heldBack.add(String.valueOf(stored.message.groupId()));
                }
            }
        }
        for (Stored stored : messages) {
            if (received.size() == max) {
                break;
            }
            if (stored.visibleAt != null && stored.visibleAt.isAfter(now)
                    || heldBack.contains(String.valueOf(stored.message.groupId()))) {
                continue;
            }
            stored.receiveCount++;
            if (stored.firstReceived == null) {
                stored.firstReceived = now;
            }
            stored.visibleAt = now.plus(visibility);
            received.add(new Received(stored.message, handle(queue, stored.message.id()), stored.receiveCount,
                    stored.firstReceived));
        }
        return received;
    }

    /**
     * Deletes the message a receipt handle names; false when the handle is none gwemu gave out for this queue or
     * its message is gone already.
     */
    synchronized boolean delete(String queue, String receiptHandle) {
        String[] parts = decode(receiptHandle);
        if (parts == null || !parts[0].equals(queue)) {
            return false;
        }
        Iterator<Stored> it = queues.getOrDefault(queue, new ArrayList<>()).iterator();
        while (it.hasNext()) {
            if (it.next().message.id().equals(parts[1])) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** Empties a queue; returns how many messages it held. */
    synchronized int purge(String queue) {
        List<Stored> removed = queues.remove(queue);
        return removed == null ? 0 : removed.size();
    }

    /** How many messages a queue holds, visible or not. */
    synchronized int size(String queue) {
        return queues.getOrDefault(queue, List.of()).size();
    }

    /** Queue, message id and a nonce, so every receive gets a fresh handle. */
    private static String handle(String queue, String messageId) {
        String text = queue + '\n' + messageId + '\n' + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {queue, message id}, or null for text that is no handle gwemu made. */
    private static String[] decode(String receiptHandle) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(receiptHandle.trim()), StandardCharsets.UTF_8);
            String[] parts = text.split("\n", -1);
            return parts.length == 3 ? parts : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
