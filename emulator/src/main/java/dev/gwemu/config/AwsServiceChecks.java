package dev.gwemu.config;

import dev.gwemu.integration.aws.AwsServiceUri;
import dev.gwemu.integration.aws.CaptureBackend;
import dev.gwemu.integration.aws.IntegrationSubtype;
import dev.gwemu.model.Api;
import dev.gwemu.model.AwsServiceSpec;
import dev.gwemu.model.Method;
import dev.gwemu.model.Resource;

import java.util.List;
import java.util.Map;

/**
 * Warns at load of AWS service integrations whose calls gwemu can only fail: a captured service's action gwemu does
 * not capture yet (each such call answers 500), so the author learns it before the first request.
 */
final class AwsServiceChecks {
    private AwsServiceChecks() {
    }

    static void check(Api api, SourceLines lines, Map<String, AwsServiceSpec> services, List<Problem> warnings) {
        for (Resource resource : api.resources()) {
            for (Method method : resource.methods().values()) {
                if (!method.integration().callsAwsService() || method.integration().uri().contains("${")) {
                    continue; // a uri with stage variables is known per stage only, at request time
                }
                AwsServiceUri uri = AwsServiceUri.parse(method.integration().uri());
                AwsServiceSpec spec = services.get(uri.service());
                if (spec != null && spec.mode() == AwsServiceSpec.Mode.FORWARD) {
                    continue;
                }
                String at = OpenApiReader.integrationUriPointer(resource.path(), method.httpMethod());
                String what = uri.action() ? actionName(uri.target()) : null;
                boolean captured = what != null ? CaptureBackend.captures(uri.service(), what)
                        : CaptureBackend.captured().containsKey(uri.service());
                if (!captured) {
                    warnings.add(lines.problem(at, method.httpMethod() + " " + resource.path() + ": gwemu does not capture "
                            + uri.service() + (what == null ? "" : " " + what) + " yet, so each call answers 500; forward "
                            + uri.service() + " to an endpoint under awsServices to serve it (captured: "
                            + CaptureBackend.captured() + ")"));
                }
            }
        }
    }

    /** The same for an HTTP API's routes with an integrationSubtype (SQS-ReceiveMessage, AppConfig, ...). */
    static void checkSubtypes(Api api, SourceLines lines, Map<String, AwsServiceSpec> services, List<Problem> warnings) {
        for (dev.gwemu.model.HttpRoute route : api.http().routes()) {
            IntegrationSubtype subtype = IntegrationSubtype.named(route.integration().integrationSubtype());
            if (subtype == null) {
                continue;
            }
            AwsServiceSpec spec = services.get(subtype.service());
            if (spec != null && spec.mode() == AwsServiceSpec.Mode.FORWARD
                    || CaptureBackend.captures(subtype.service(), subtype.action())) {
                continue;
            }
            warnings.add(lines.problem(HttpApiChecks.integrationPointer(route),
                    route.routeKey() + ": gwemu does not capture " + subtype.subtypeName() + " (" + subtype.service() + " "
                    + subtype.action() + ") yet, so each call answers 500; forward " + subtype.service()
                    + " to an endpoint under awsServices to serve it (captured: " + CaptureBackend.captured() + ")"));
        }
    }

    /** {@code PutRecord} of {@code PutRecord&StreamName=x}. */
    private static String actionName(String target) {
        int amp = target.indexOf('&');
        return amp < 0 ? target : target.substring(0, amp);
    }
}
