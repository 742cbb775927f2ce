package dev.gwemu.usage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.gwemu.usage.UsagePlansTest.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GetUsage JSON, security-and-operations.md §2.1 "Usage reporting" (items keyed by key id [unc]). */
class UsageReportTest {
    private final TestClock clock = new TestClock("2024-03-10T08:00:00Z");

    private record Fixture(Quotas quotas, UsageReport report) {
    }

    private Fixture fixture(String planId, UsagePlan.Quota quota) {
        UsagePlan plan = new UsagePlan(planId, null, List.of(new UsagePlan.ApiStage("a1", "dev")), null, quota,
                List.of("k1", "k2"));
        UsagePlans plans = new UsagePlans(KEYS, List.of(plan));
        Quotas quotas = new Quotas(plans, clock);
        return new Fixture(quotas, new UsageReport(plans, quotas));
    }

    @Test
    void onePairPerDayPerKeyInPlanOrder() {
        Fixture f = fixture("up1", new UsagePlan.Quota(5, QuotaPeriod.DAY));
        f.quotas().tryConsume("up1", "k1");
        f.quotas().tryConsume("up1", "k1");
        clock.set("2024-03-12T23:00:00Z");
        f.quotas().tryConsume("up1", "k1");
        assertEquals("{\"usagePlanId\":\"up1\",\"startDate\":\"2024-03-10\",\"endDate\":\"2024-03-12\",\"items\":{"
                        + "\"k1\":[[2,3],[0,5],[1,4]],\"k2\":[[0,5],[0,5],[0,5]]}}",
                f.report().json("up1", null, "2024-03-10", "2024-03-12"));
        assertEquals("{\"usagePlanId\":\"up1\",\"startDate\":\"2024-03-12\",\"endDate\":\"2024-03-12\",\"items\":{"
                        + "\"k1\":[[1,4]]}}",
                f.report().json("up1", "k1", "2024-03-12", "2024-03-12"));
    }

    @Test
    void remainingCarriesThroughAPeriodAndTheOffsetOnlyAppliesToTheFirst() {
        clock.set("2024-03-30T09:00:00Z");
        Fixture f = fixture("up1", new UsagePlan.Quota(10, QuotaPeriod.MONTH, 1));
        f.quotas().tryConsume("up1", "k2");
        f.quotas().tryConsume("up1", "k2");
        clock.set("2024-04-02T09:00:00Z");
        f.quotas().tryConsume("up1", "k2");
        assertEquals("{\"usagePlanId\":\"up1\",\"startDate\":\"2024-03-30\",\"endDate\":\"2024-04-03\",\"items\":{"
                        + "\"k2\":[[2,7],[0,7],[0,10],[1,9],[0,9]]}}",
                f.report().json("up1", "k2", "2024-03-30", "2024-04-03"));
    }

    @Test
    void grantsShowInRemaining() {
        Fixture f = fixture("up1", new UsagePlan.Quota(5, QuotaPeriod.DAY));
        f.quotas().tryConsume("up1", "k1");
        f.quotas().grant("up1", "k1", 20);
        assertEquals("{\"usagePlanId\":\"up1\",\"startDate\":\"2024-03-10\",\"endDate\":\"2024-03-10\",\"items\":{"
                        + "\"k1\":[[1,20]]}}",
                f.report().json("up1", "k1", "2024-03-10", "2024-03-10"));
    }

    @Test
    void withoutQuotaRemainingIsZeroAndIdsAreEscaped() {
        Fixture f = fixture("up\"1", null);
        f.quotas().tryConsume("up\"1", "k1");
        assertEquals("{\"usagePlanId\":\"up\\\"1\",\"startDate\":\"2024-03-10\",\"endDate\":\"2024-03-10\",\"items\":{"
                        + "\"k1\":[[1,0]],\"k2\":[[0,0]]}}",
                f.report().json("up\"1", null, "2024-03-10", "2024-03-10"));
    }

    @Test
    void aKeyOutsideThePlanGivesEmptyItems() {
        Fixture f = fixture("up1", null);
        assertEquals("{\"usagePlanId\":\"up1\",\"startDate\":\"2024-03-10\",\"endDate\":\"2024-03-10\",\"items\":{}}",
                f.report().json("up1", "k4", "2024-03-10", "2024-03-10"));
    }

    @Test
    void badArgumentsAreRefused() {
        Fixture f = fixture("up1", null);
        IllegalArgumentException plan = assertThrows(IllegalArgumentException.class,
                () -> f.report().json("up9", null, "2024-03-10", "2024-03-10"));
        assertEquals("Invalid Usage Plan ID specified", plan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.report().json("up1", null, "2024-03-11", "2024-03-10"));
        assertThrows(IllegalArgumentException.class, () -> f.report().json("up1", null, "2024/03/10", "2024-03-10"));
        assertThrows(IllegalArgumentException.class, () -> f.report().json("up1", null, null, "2024-03-10"));
    }
}
