package dev.gwemu.integration.aws;

import dev.gwemu.auth.sigv4.SigV4Signer;
import dev.gwemu.integration.HttpBackend;
import dev.gwemu.model.AwsServiceSpec;
import dev.gwemu.model.Project;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each AWS service's integration calls go, as api.yaml's {@code awsServices} says: one {@link CaptureBackend}
 * for every captured service (their calls under {@code .gwemu/aws-calls/}, S3 objects under {@code .gwemu/s3/}), a
 * {@link ForwardBackend} per forwarded one.
 */
public final class AwsServiceBackends {
    private final Project project;
    private final Clock clock;
    private final HttpBackend http;
    private final CaptureBackend capture;
    private final Map<String, ServiceBackend> backends = new ConcurrentHashMap<>();

    public AwsServiceBackends(Project project, Clock clock, HttpBackend http) {
        this.project = project;
        this.clock = clock;
        this.http = http;
        this.capture = new CaptureBackend(project.stateDir(), clock, project.accountId(), project.region());
    }

    /** The backend of a service, decided once per service (this runs on every call). */
    public ServiceBackend forService(String service) {
        return backends.computeIfAbsent(service, this::backend);
    }

    private ServiceBackend backend(String service) {
        AwsServiceSpec spec = project.awsService(service);
        if (spec.mode() == AwsServiceSpec.Mode.CAPTURE) {
            return capture;
        }
        return new ForwardBackend(spec.endpoint(),
                new SigV4Signer.Credentials(spec.accessKeyId(), spec.secretAccessKey(), spec.sessionToken()), clock, http);
    }

    /** The captured calls, for the admin endpoint and tests. */
    public CapturedCalls captured() {
        return capture.calls();
    }

    /** Forgets the captured calls and the state they built (queued messages, DynamoDB items). */
    public void forgetCaptured() {
        capture.forget();
    }
}
