package dev.gwemu.cache;

import java.util.Arrays;

/**
 * What API Gateway does with {@code Cache-Control: max-age=0} from a caller not authorised to invalidate
 * (security-and-operations.md §6 [doc]; values from the botocore model, §1.5 [snap]).
 */
public enum UnauthorizedCacheControlHeaderStrategy {
    /** Refuse the request with 403. */
    FAIL_WITH_403,
    /** Ignore the header, serve normally, add a warning response header. AWS's default (§1.5 [snap]). */
    SUCCEED_WITH_RESPONSE_HEADER,
    /** Ignore the header silently. */
    SUCCEED_WITHOUT_RESPONSE_HEADER;

    /** @throws IllegalArgumentException naming the valid values (a load error) */
    public static UnauthorizedCacheControlHeaderStrategy parse(String value) {
        for (UnauthorizedCacheControlHeaderStrategy s : values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unauthorizedCacheControlHeaderStrategy must be one of "
                + Arrays.toString(values()) + ", got '" + value + "'");
    }
}
