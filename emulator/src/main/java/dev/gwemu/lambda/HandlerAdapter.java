package dev.gwemu.lambda;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Runs one of the handler forms Lambda's Java runtime accepts as a stream handler: event bytes in,
 * result bytes out. Built once at load with everything resolved, so a call does no lookups.
 */
interface HandlerAdapter {

    /**
     * @param handler the handler instance, or null for a static method
     * @throws Throwable whatever the handler threw, unwrapped, or a conversion failure worded as Lambda words it
     */
    void handle(Object handler, InputStream input, OutputStream output, Context context) throws Throwable;
}
