package dev.gwemu.integration.aws;

import java.time.Instant;

/**
 * What one captured call is answered with besides its request.
 *
 * @param requestId the service's request id for this call
 * @param now       the time of the call
 * @param accountId the account the captured resources belong to (ARNs in answers)
 */
record CaptureContext(String requestId, Instant now, String accountId) {
}
