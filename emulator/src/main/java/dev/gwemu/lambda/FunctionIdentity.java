package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The fixed facts about a function that every Context repeats: name, ARN, log group, memory, logger.
 * Built once per function so an invocation only adds its request id and deadline.
 *
 * @param name        function name
 * @param arn         {@code arn:aws:lambda:{region}:{account}:function:{name}}
 * @param memoryMb    reported memory limit
 * @param timeoutMillis the function's timeout
 * @param logger      the function's console logger
 */
record FunctionIdentity(String name, String arn, int memoryMb, long timeoutMillis, LambdaLogger logger) {
    /** gwemu runs the code it was given: always the unpublished version. */
    static final String VERSION = "$LATEST";

    String logGroupName() {
        return "/aws/lambda/" + name;
    }

    /** The ARN the caller used: with {@code :qualifier} when the integration named an alias or version. */
    String invokedArn(String qualifier) {
        return qualifier == null || qualifier.isEmpty() ? arn : arn + ":" + qualifier;
    }
}
