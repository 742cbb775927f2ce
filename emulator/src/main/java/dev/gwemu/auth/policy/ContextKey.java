package dev.gwemu.auth.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code aws:*} condition keys gwemu knows how to fill from a request (security-and-operations.md §4.2).
 * A key whose value is null is absent from the request context, as IAM treats it.
 */
enum ContextKey {
    SOURCE_IP("aws:SourceIp", RequestFacts::sourceIp),
    /** Present only for requests through a VPC endpoint (private APIs). */
    SOURCE_VPC("aws:SourceVpc", RequestFacts::sourceVpc),
    SOURCE_VPCE("aws:SourceVpce", RequestFacts::sourceVpce),
    /** Principal keys are present only for signed (AWS_IAM) callers. */
    PRINCIPAL_ARN("aws:PrincipalArn", facts -> facts.caller() == null ? null : CallerArn.of(facts.caller()).principalArn()),
    PRINCIPAL_ACCOUNT("aws:PrincipalAccount", facts -> facts.caller() == null ? null : CallerArn.of(facts.caller()).account()),
    /** The principal id: AIDA... for a user, AROA...:session for a role session. */
    USER_ID("aws:userid", facts -> facts.caller() == null ? null : facts.caller().caller()),
    /** Only IAM users have one; role sessions and the root user do not. */
    USERNAME("aws:username", facts -> facts.caller() == null ? null : CallerArn.of(facts.caller()).userName()),
    CURRENT_TIME("aws:CurrentTime",
            facts -> facts.now() == null ? null : DateTimeFormatter.ISO_INSTANT.format(facts.now().truncatedTo(ChronoUnit.SECONDS))) {
        @Override
        Instant instant(RequestFacts facts) {
            return facts.now();
        }
    },
    EPOCH_TIME("aws:EpochTime", facts -> facts.now() == null ? null : Long.toString(facts.now().getEpochSecond())) {
        @Override
        Instant instant(RequestFacts facts) {
            return facts.now();
        }

        @Override
        BigDecimal number(RequestFacts facts) {
            return facts.now() == null ? null : BigDecimal.valueOf(facts.now().getEpochSecond());
        }
    },
    SECURE_TRANSPORT("aws:SecureTransport", facts -> Boolean.toString(facts.secureTransport())),
    USER_AGENT("aws:UserAgent", RequestFacts::userAgent),
    REFERER("aws:Referer", RequestFacts::referer),
    /** The method ARN: the resource being invoked stands in for the "source" of the call. */
    SOURCE_ARN("aws:SourceArn", RequestFacts::methodArn),
    /**
     * Any other key (aws:PrincipalOrgID, aws:PrincipalTag/..., aws:VpcSourceIp, service keys): gwemu has no value
     * for it, so it is always absent. PolicyDocument lists such keys so the loader can warn once.
     */
    UNSUPPORTED("", facts -> null);

    private static final Map<String, ContextKey> BY_LOWER_CASE_NAME = new HashMap<>();

    static {
        for (ContextKey key : values()) {
            if (key != UNSUPPORTED) {
                BY_LOWER_CASE_NAME.put(key.policyName.toLowerCase(Locale.ROOT), key);
            }
        }
    }

    private final String policyName;
    private final Function<RequestFacts, String> text;

    ContextKey(String policyName, Function<RequestFacts, String> text) {
        this.policyName = policyName;
        this.text = text;
    }

    /** Condition key names are case-insensitive (IAM User Guide, "IAM JSON policy elements: Condition"). */
    static ContextKey named(String name) {
        return BY_LOWER_CASE_NAME.getOrDefault(name.toLowerCase(Locale.ROOT), UNSUPPORTED);
    }

    /** The value as String operators see it, or null when the request has no such key. */
    String text(RequestFacts facts) {
        return text.apply(facts);
    }

    /** The value as Date operators see it: an ISO 8601 date or epoch seconds; null when absent or not a date. */
    Instant instant(RequestFacts facts) {
        String text = text(facts);
        return text == null ? null : PolicyDates.parse(text);
    }

    /** The value as Numeric operators see it; null when absent or not a number. */
    BigDecimal number(RequestFacts facts) {
        String text = text(facts);
        return text == null ? null : PolicyNumbers.parse(text);
    }
}
