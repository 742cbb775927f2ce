package dev.gwemu.integration.aws;

import dev.gwemu.pipeline.HeaderList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The signing name of a call: its service's, except where AWS's service models sign under another name. */
class SigningNamesTest {
    @ParameterizedTest(name = "{0} at {1} signs as {2}")
    @CsvSource({
            "kinesis, kinesis.us-east-1.amazonaws.com, kinesis",
            "sqs, sqs.us-east-1.amazonaws.com, sqs",
            "states, states.us-east-1.amazonaws.com, states",
            "states, sync-states.us-east-1.amazonaws.com, states",
            "events, events.us-east-1.amazonaws.com, events",
            "s3, my-bucket.s3.us-east-1.amazonaws.com, s3",
            "s3, s3.amazonaws.com, s3",
            "execute-api, abc123.execute-api.us-east-1.amazonaws.com, execute-api",
            "dynamodb, streams.dynamodb.us-east-1.amazonaws.com, dynamodb",
            "sagemaker, runtime.sagemaker.us-east-1.amazonaws.com, sagemaker",
            "runtime.sagemaker, runtime.sagemaker.us-east-1.amazonaws.com, sagemaker",
            "email, email.us-east-1.amazonaws.com, ses",
            "bedrock-runtime, bedrock-runtime.us-east-1.amazonaws.com, bedrock",
            "marketplace, metering.marketplace.us-east-1.amazonaws.com, aws-marketplace",
            "lex, runtime-v2-lex.us-east-1.amazonaws.com, lex",
            "iot, data.jobs.iot.us-east-1.amazonaws.com, iot-jobs-data",
            "iot, iot.us-east-1.amazonaws.com, iot",
            "iotdata, a1b2c3d4e5f6g7-ats.iot.us-east-1.amazonaws.com, iotdata",
            "iot, a1b2c3d4e5f6g7-ats.iot.us-east-1.amazonaws.com, iotdata",
            "pinpoint, pinpoint.us-east-1.amazonaws.com, mobiletargeting",
            "appconfigdata, appconfigdata.us-east-1.amazonaws.com, appconfig"})
    void signingName(String service, String host, String expected) {
        ServiceCall call = new ServiceCall(service, "us-east-1", null, "POST", host, "/", "", new HeaderList(), new byte[0], null);
        assertEquals(expected, SigningNames.of(call));
    }
}
