package dev.gwemu.integration.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwemu.pipeline.GatewayException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The default backend for {@code AWS} integrations: no AWS account is called. Each call is appended to the
 * capture log ({@link CapturedCalls}) and answered as the service would answer the action, so integration
 * response templates and selection patterns see what they see in AWS: Kinesis PutRecord(s), Firehose
 * PutRecord(Batch), SQS SendMessage / ReceiveMessage / DeleteMessage / PurgeQueue (a local queue rebuilt from the log
 * at start), SNS Publish, Step Functions StartExecution, EventBridge PutEvents, DynamoDB
 * PutItem / GetItem / Query / Scan / DeleteItem (an item store rebuilt from the log at start), S3 Put / Get / Head /
 * DeleteObject (files under {@code {stateDir}/s3}). Any other action is a 500 naming what is not captured yet.
 */
public final class CaptureBackend implements ServiceBackend {
    /** What is captured, per endpoint prefix; {@link #captures} answers from this. */
    private static final Map<String, Set<String>> CAPTURED = capturedActions();

    private final CapturedCalls calls;
    private final Clock clock;
    private final String accountId;
    private final String defaultRegion;
    private final Path stateDir;
    private volatile Map<String, ServiceCapture> services; // replaced whole by forget()

    /**
     * @param stateDir      the project's {@code .gwemu} folder: the log goes to {@code aws-calls/}, objects to
     *                      {@code s3/}
     * @param clock         the time of each call (log lines, dates in answers, the first sequence numbers)
     * @param accountId     the account of the ARNs answers make up
     * @param defaultRegion the region of calls that name none
     */
    public CaptureBackend(Path stateDir, Clock clock, String accountId, String defaultRegion) {
        this.calls = new CapturedCalls(stateDir);
        this.clock = clock;
        this.accountId = accountId;
        this.defaultRegion = defaultRegion;
        this.stateDir = stateDir;
        this.services = load();
    }

    /** The captures, their state (queues, DynamoDB items) rebuilt from the log. */
    private Map<String, ServiceCapture> load() {
        Map<String, ServiceCapture> loaded = new LinkedHashMap<>();
        long firstSequence = clock.millis() * 1_000_000L;
        DynamoDbCapture dynamodb = new DynamoDbCapture();
        loaded.put("kinesis", new KinesisCapture(firstSequence));
        loaded.put("firehose", new FirehoseCapture());
        SqsCapture sqs = new SqsCapture(firstSequence);
        loaded.put("sqs", sqs);
        loaded.put("sns", new SnsCapture());
        loaded.put("states", new StepFunctionsCapture());
        loaded.put("events", new EventBridgeCapture());
        loaded.put("dynamodb", dynamodb);
        loaded.put("s3", new S3Capture(new S3Objects(stateDir)));
        for (JsonNode line : calls.read("dynamodb")) {
            if (line.path("status").asInt() == 200 && line.has("body")) {
                dynamodb.replay(line.path("action").asText(null), line.get("body").asText().getBytes(StandardCharsets.UTF_8));
            }
        }
        replaySqs(sqs);
        return loaded;
    }

    /**
     * Forgets every captured call and what they built up (queued messages, DynamoDB items), as a restart with an
     * empty log would; S3 objects are files and stay.
     */
    public synchronized void forget() {
        calls.clear();
        services = load();
    }

    /** The SQS messages of the log's successful SendMessage, DeleteMessage and PurgeQueue lines, in log order. */
    private void replaySqs(SqsCapture sqs) {
        for (JsonNode line : calls.read("sqs")) {
            ServiceCall call = line.path("status").asInt() == 200 ? CapturedCalls.call(line) : null;
            if (call == null) {
                continue;
            }
            try {
                sqs.replay(call, Instant.parse(line.path("time").asText()));
            } catch (RuntimeException e) {
                // a line without a readable time changes nothing
            }
        }
    }

    /** Whether capture answers this action of this service (for the warning at load time). */
    public static boolean captures(String service, String action) {
        return action != null && CAPTURED.getOrDefault(service, Set.of()).contains(action);
    }

    /** Every captured action, by service ({@code kinesis -> [PutRecord, PutRecords]}), for docs and messages. */
    public static Map<String, Set<String>> captured() {
        return CAPTURED;
    }

    private static Map<String, Set<String>> capturedActions() {
        Map<String, Set<String>> all = new TreeMap<>();
        all.put("kinesis", new TreeSet<>(Set.of("PutRecord", "PutRecords")));
        all.put("firehose", new TreeSet<>(Set.of("PutRecord", "PutRecordBatch")));
        all.put("sqs", new TreeSet<>(Set.of("SendMessage", "ReceiveMessage", "DeleteMessage", "PurgeQueue")));
        all.put("sns", new TreeSet<>(Set.of("Publish")));
        all.put("states", new TreeSet<>(Set.of("StartExecution")));
        all.put("events", new TreeSet<>(Set.of("PutEvents")));
        all.put("dynamodb", new TreeSet<>(Set.of("PutItem", "GetItem", "Query", "Scan", "DeleteItem")));
        all.put("s3", new TreeSet<>(Set.of("PutObject", "GetObject", "HeadObject", "DeleteObject")));
        all.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return Collections.unmodifiableMap(all);
    }

    /** The log this backend appends to (the admin endpoint reads it). */
    public CapturedCalls calls() {
        return calls;
    }

    /**
     * @throws GatewayException 500 {"message": "Internal server error"} for an action that is not captured (also
     *                          logged, with status 500)
     */
    @Override
    public ServiceAnswer send(ServiceCall call, int timeoutMillis) {
        Instant now = clock.instant();
        ServiceCall logged = call.region() == null || call.region().isEmpty() ? withRegion(call, defaultRegion) : call;
        ServiceCapture capture = services.get(logged.service());
        boolean named = captures(logged.service(), logged.action());
        if (capture == null || !(named || (logged.action() == null && capture.answersUnnamedCalls()))) {
            calls.append(logged, 500, now);
            throw notCaptured(logged.service(), logged.action() == null
                    ? "the call " + logged.method() + " " + logged.path() + (logged.query().isEmpty() ? "" : "?" + logged.query())
                    + ", which names no action gwemu recognises"
                    : "action " + logged.action());
        }
        ServiceAnswer answer;
        try {
            answer = capture.answer(logged, new CaptureContext(UUID.randomUUID().toString(), now, accountId));
        } catch (GatewayException e) {
            calls.append(logged, e.status(), now);
            throw e;
        } catch (RuntimeException e) { // a file gwemu cannot read or write: the call fails as a configuration error
            calls.append(logged, 500, now);
            throw GatewayException.configurationError("Execution failed: capturing the AWS service call "
                    + logged.service() + " " + logged.action() + " failed: " + e);
        }
        calls.append(logged, answer.status(), now);
        return answer;
    }

    /** The 500 for what gwemu's capture does not answer; the detail says what, and what is captured. */
    static GatewayException notCaptured(String service, String what) {
        Set<String> actions = CAPTURED.get(service);
        return GatewayException.configurationError("Execution failed: AWS service call " + service + " " + what
                + " is not captured yet by gwemu (capture answers " + (actions == null ? "no " + service + " actions"
                : service + " " + String.join(", ", actions)) + "); forward this service to an endpoint instead");
    }

    private static ServiceCall withRegion(ServiceCall c, String region) {
        return new ServiceCall(c.service(), region, c.action(), c.method(), c.host(), c.path(), c.query(), c.headers(),
                c.body(), c.credentials());
    }
}
