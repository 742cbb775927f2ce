package dev.gwemu.integration;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function a Lambda integration URI names:
 * {@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]/invocations}.
 *
 * @param qualifier alias or version after the name, or null
 */
public record LambdaFunctionUri(String region, String accountId, String functionName, String qualifier) {
    private static final Pattern URI = Pattern.compile(
            "arn:aws:apigateway:([a-z0-9-]+):lambda:path/2015-03-31/functions/(.+)/invocations");
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws:lambda:([a-z0-9-]+):([0-9]{12}):function:([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9_$-]{1,128}))?");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

    /** @throws IllegalArgumentException when the URI is not a Lambda invocation URI */
    public static LambdaFunctionUri parse(String uri) {
        Matcher m = URI.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + uri + "' is not a Lambda integration URI (arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations)");
        }
        Matcher fn = FUNCTION_ARN.matcher(m.group(2));
        if (!fn.matches()) {
            throw new IllegalArgumentException("'" + m.group(2) + "' is not a Lambda function ARN (arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}])");
        }
        return new LambdaFunctionUri(fn.group(1), fn.group(2), fn.group(3), fn.group(4));
    }

    /**
     * An HTTP API integration may name its function by ARN alone; API Gateway stores the invocation URI of the
     * region (data-plane.md §3). Anything else is returned as written, for {@link #parse} to judge.
     */
    public static String invocationUri(String uriOrFunctionArn, String region) {
        if (uriOrFunctionArn.startsWith("arn:aws:lambda:")) {
            return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + uriOrFunctionArn + "/invocations";
        }
        return uriOrFunctionArn;
    }

    /** True when the URI is resolved per stage. */
    public static boolean hasStageVariables(String uri) {
        return uri.contains("${stageVariables.");
    }

    /** The stage variables the URI uses that the stage does not set. */
    public static java.util.List<String> unsetVariables(String uri, Map<String, String> stageVariables) {
        return STAGE_VARIABLE.matcher(uri).results().map(r -> r.group(1))
                .filter(name -> !stageVariables.containsKey(name)).distinct().toList();
    }

    /** Replaces {@code ${stageVariables.x}} with the stage's value; a missing variable becomes empty, as in AWS. */
    public static String substitute(String uri, Map<String, String> stageVariables) {
        if (!hasStageVariables(uri)) {
            return uri;
        }
        return STAGE_VARIABLE.matcher(uri).replaceAll(r -> Matcher.quoteReplacement(stageVariables.getOrDefault(r.group(1), "")));
    }
}
