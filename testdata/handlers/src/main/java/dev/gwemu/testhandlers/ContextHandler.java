package dev.gwemu.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reports the Context it was given and what its class loader can see. */
public class ContextHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        context.getLogger().log("ContextHandler invoked");
        String body = "{\"awsRequestId\":" + RawJson.quote(context.getAwsRequestId())
                + ",\"functionName\":" + RawJson.quote(context.getFunctionName())
                + ",\"functionVersion\":" + RawJson.quote(context.getFunctionVersion())
                + ",\"invokedFunctionArn\":" + RawJson.quote(context.getInvokedFunctionArn())
                + ",\"memoryLimitInMB\":" + context.getMemoryLimitInMB()
                + ",\"remainingTimeInMillis\":" + context.getRemainingTimeInMillis()
                + ",\"logGroupName\":" + RawJson.quote(context.getLogGroupName())
                + ",\"logStreamName\":" + RawJson.quote(context.getLogStreamName())
                + ",\"identityIsNull\":" + (context.getIdentity() == null)
                + ",\"clientContextIsNull\":" + (context.getClientContext() == null)
                + ",\"contextLoaderIsHandlerLoader\":"
                + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader())
                + ",\"seesGwemuClasses\":" + (visible("io.undertow.Undertow")
                        || visible("com.fasterxml.jackson.databind.ObjectMapper")
                        || visible("dev.gwemu.lambda.LambdaRuntime"))
                + ",\"coreFromFunctionCode\":"
                + (RequestStreamHandler.class.getClassLoader() == getClass().getClassLoader())
                + ",\"seesEvents\":" + visible("com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent")
                + "}";
        output.write(RawJson.proxyResponse(200, body));
    }

    private boolean visible(String className) {
        try {
            Class.forName(className, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
