package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The {@link Context} of one invocation. Identity and client context are for mobile SDK calls: always null here. */
final class LambdaContext implements Context {
    private final String awsRequestId;
    private final String invokedFunctionArn;
    private final long deadlineMillis;
    private final FunctionIdentity function;
    private final String logStreamName;

    LambdaContext(String awsRequestId, String invokedFunctionArn, long deadlineMillis,
                  FunctionIdentity function, String logStreamName) {
        this.awsRequestId = awsRequestId;
        this.invokedFunctionArn = invokedFunctionArn;
        this.deadlineMillis = deadlineMillis;
        this.function = function;
        this.logStreamName = logStreamName;
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return function.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return logStreamName;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return FunctionIdentity.VERSION;
    }

    @Override
    public String getInvokedFunctionArn() {
        return invokedFunctionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** When the function's timeout ends, epoch milliseconds. */
    long deadlineMillis() {
        return deadlineMillis;
    }

    /** Counts down to the function's timeout; never negative (as Lambda's runtime). */
    @Override
    public int getRemainingTimeInMillis() {
        long left = deadlineMillis - System.currentTimeMillis();
        return left > 0 ? (int) left : 0;
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return function.logger();
    }
}
