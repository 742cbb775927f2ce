package dev.gwemu.integration;

import dev.gwemu.pipeline.GatewayException;
import dev.gwemu.pipeline.GatewayResponseType;

/**
 * What the client gets when calling a Lambda function fails before it answers: REST and HTTP APIs word the same
 * failures differently (data-plane.md §2.5, §3.3), so each road supplies its own.
 */
public interface InvokeFailures {
    /** The integration cannot name a bound function, or is set up in a way AWS refuses at run time. */
    GatewayException configuration(String why);

    /** The event is over Lambda's 6 MB invoke limit. */
    GatewayException tooLarge(String why);

    /** The function did not answer within the integration timeout. */
    GatewayException timeout(String why);

    /** Lambda throttled the invoke (429 from Lambda). */
    GatewayException throttled(String why);

    /** Any other failure to get an answer. */
    GatewayException failed(String why);

    /** A REST API's answers (data-plane.md §2.5, §9). */
    InvokeFailures REST = new InvokeFailures() {
        @Override
        public GatewayException configuration(String why) {
            return GatewayException.configurationError(why);
        }

        @Override
        public GatewayException tooLarge(String why) {
            return GatewayException.fixed(null, 413, "BadRequestException", "{\"message\": \"Request Too Long\"}").because(why);
        }

        @Override
        public GatewayException timeout(String why) {
            return GatewayException.fixed(GatewayResponseType.INTEGRATION_TIMEOUT, 504, "InternalServerErrorException",
                    "{\"message\": \"Endpoint request timed out\"}").because(why);
        }

        @Override
        public GatewayException throttled(String why) {
            return GatewayException.fixed(null, LambdaTargets.THROTTLED_LAMBDA_STATUS, "InternalServerErrorException",
                    GatewayException.INTERNAL_SERVER_ERROR_BODY).because(why);
        }

        @Override
        public GatewayException failed(String why) {
            return GatewayException.badLambdaResponse(why);
        }
    };
}
