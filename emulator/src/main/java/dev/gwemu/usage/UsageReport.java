package dev.gwemu.usage;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * GetUsage ({@code GET /usageplans/{id}/usage?keyId&startDate&endDate}, security-and-operations.md §2.1): per key
 * of the plan, one {@code [used, remaining]} pair per day from startDate to endDate inclusive (UTC), as compact
 * JSON: {@code {"usagePlanId":"up1","startDate":"2024-03-10","endDate":"2024-03-11","items":{"k1":[[2,3],[0,5]]}}}.
 * Remaining is what was left at the day's end (as it stands, for today and later days).
 */
public final class UsageReport {
    /** AWS's message for an unknown plan, 404 (§2.1 [snap]). */
    static final String INVALID_PLAN = "Invalid Usage Plan ID specified";
    /**
     * [unc] §2.1: the API reference calls the items' map key an "API key value", CLI output shows key ids. Items
     * are keyed by key id; false keys them by value.
     */
    public static final boolean ITEMS_KEYED_BY_KEY_ID = true;

    private final UsagePlans plans;
    private final Quotas quotas;

    public UsageReport(UsagePlans plans, Quotas quotas) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /**
     * The usage of a plan's keys, in the plan's key order, or of one key. [unc] A {@code keyId} that is not in
     * the plan gives empty items.
     *
     * @param planId    the plan
     * @param keyId     one key, or null for every key of the plan
     * @param startDate the first day, {@code yyyy-MM-dd}
     * @param endDate   the last day, {@code yyyy-MM-dd}, not before startDate
     * @throws IllegalArgumentException for an unknown plan ({@code Invalid Usage Plan ID specified}) or bad dates
     */
    public String json(String planId, String keyId, String startDate, String endDate) {
        UsagePlan plan = plans.plan(planId);
        if (plan == null) {
            throw new IllegalArgumentException(INVALID_PLAN);
        }
        LocalDate start = date("startDate", startDate);
        LocalDate end = date("endDate", endDate);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
        }
        List<String> keyIds = keyId == null ? plan.keyIds()
                : plan.keyIds().contains(keyId) ? List.of(keyId) : List.of();

        StringBuilder json = new StringBuilder(128);
        json.append("{\"usagePlanId\":");
        string(json, planId);
        json.append(",\"startDate\":");
        string(json, startDate);
        json.append(",\"endDate\":");
        string(json, endDate);
        json.append(",\"items\":{");
        for (int k = 0; k < keyIds.size(); k++) {
            String id = keyIds.get(k);
            if (k > 0) {
                json.append(',');
            }
            string(json, ITEMS_KEYED_BY_KEY_ID ? id : plans.keys().byId(id).value());
            json.append(":[");
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                long[] usage = quotas.usage(planId, id, day);
                if (!day.equals(start)) {
                    json.append(',');
                }
                json.append('[').append(usage[0]).append(',').append(usage[1]).append(']');
            }
            json.append(']');
        }
        return json.append("}}").toString();
    }

    private static LocalDate date(String name, String text) {
        if (text == null) {
            throw new IllegalArgumentException(name + " is required (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a date of the form yyyy-MM-dd");
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, json);
        json.append('"');
    }
}
