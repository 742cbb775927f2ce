package dev.gwemu.auth.cognito;

import java.time.Duration;

/**
 * How a JWKS (or a document naming one) is fetched over HTTP and kept.
 *
 * @param connectTimeout     to open the connection
 * @param readTimeout        to read the answer once connected
 * @param sizeLimitBytes     a longer answer is refused
 * @param cacheTtl           how long fetched keys are used before they are fetched again
 * @param minRefetchInterval an unknown {@code kid} refetches the keys at most this often
 */
public record JwksFetch(Duration connectTimeout, Duration readTimeout, int sizeLimitBytes, Duration cacheTtl,
                        Duration minRefetchInterval) {
    /**
     * User pools' JWKS URLs: Cognito's JWKS is two keys, about 1 KB, so a larger answer is not a JWKS; 5 s timeouts
     * for a local Cognito emulator that starts slowly.
     */
    public static final JwksFetch USER_POOL = new JwksFetch(Duration.ofSeconds(5), Duration.ofSeconds(5), 64 * 1024,
            Duration.ofMinutes(15), Duration.ofSeconds(30));
}
