package dev.gwemu.usage;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.gwemu.usage.UsagePlansTest.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quota windows: security-and-operations.md §2.6 [doc] (UTC calendar periods), §2.3 [obs] (refusals uncounted). */
class QuotasTest {
    private final TestClock clock = new TestClock("2024-03-10T12:00:00Z");   // a Sunday

    private Quotas quotas(UsagePlan.Quota quota) {
        UsagePlan plan = new UsagePlan("up1", null, List.of(new UsagePlan.ApiStage("a1", "dev")), null, quota,
                List.of("k1", "k2"));
        return new Quotas(new UsagePlans(KEYS, List.of(plan)), clock);
    }

    private static int consumeAll(Quotas q) {
        int admitted = 0;
        while (q.tryConsume("up1", "k1")) {
            admitted++;
            if (admitted > 1_000) {
                throw new AssertionError("no limit");
            }
        }
        return admitted;
    }

    @Test
    void dayResetsAtMidnightUtcExactly() {
        Quotas q = quotas(new UsagePlan.Quota(3, QuotaPeriod.DAY));
        assertEquals(3, consumeAll(q));
        assertFalse(q.tryConsume("up1", "k1"));
        assertEquals(3, q.used("up1", "k1", LocalDate.parse("2024-03-10")));   // refusals not counted
        assertEquals(0, q.remaining("up1", "k1"));
        clock.set("2024-03-10T23:59:59.999999999Z");
        assertFalse(q.tryConsume("up1", "k1"));
        clock.set("2024-03-11T00:00:00Z");
        assertEquals(3, q.remaining("up1", "k1"));
        assertTrue(q.tryConsume("up1", "k1"));
        assertEquals(1, q.used("up1", "k1", LocalDate.parse("2024-03-11")));
        assertEquals(3, q.used("up1", "k1", LocalDate.parse("2024-03-10")));
        assertEquals(2, q.remaining("up1", "k1"));
    }

    @Test
    void eachKeyHasItsOwnQuota() {
        Quotas q = quotas(new UsagePlan.Quota(2, QuotaPeriod.DAY));
        assertEquals(2, consumeAll(q));
        assertTrue(q.tryConsume("up1", "k2"));
        assertTrue(q.tryConsume("up1", "k2"));
        assertFalse(q.tryConsume("up1", "k2"));
    }

    @Test
    void offsetShortensOnlyTheInitialDay() {
        Quotas q = quotas(new UsagePlan.Quota(5, QuotaPeriod.DAY, 2));
        assertEquals(3, consumeAll(q));
        clock.set("2024-03-11T00:00:00Z");
        assertEquals(5, consumeAll(q));
        clock.set("2024-03-12T08:00:00Z");
        assertEquals(5, consumeAll(q));
    }

    @Test
    void weekResetsOnMondayUtc() {
        clock.set("2024-03-13T10:00:00Z");   // Wednesday; its week started Monday 2024-03-11
        Quotas q = quotas(new UsagePlan.Quota(4, QuotaPeriod.WEEK, 3));
        assertEquals(1, consumeAll(q));
        clock.set("2024-03-17T23:59:59.999Z");   // Sunday, same ISO week
        assertFalse(q.tryConsume("up1", "k1"));
        clock.set("2024-03-18T00:00:00Z");       // Monday
        assertEquals(4, consumeAll(q));
        clock.set("2024-03-24T23:59:59.999Z");
        assertFalse(q.tryConsume("up1", "k1"));
        clock.set("2024-03-25T00:00:00Z");
        assertEquals(4, consumeAll(q));
    }

    @Test
    void monthResetsOnTheFirstUtc() {
        clock.set("2024-02-10T10:00:00Z");
        Quotas q = quotas(new UsagePlan.Quota(2, QuotaPeriod.MONTH, 1));
        assertEquals(1, consumeAll(q));
        clock.set("2024-02-29T23:59:59.999Z");   // leap day, still February
        assertFalse(q.tryConsume("up1", "k1"));
        clock.set("2024-03-01T00:00:00Z");
        assertEquals(2, consumeAll(q));
        clock.set("2024-03-31T23:59:59.999Z");
        assertFalse(q.tryConsume("up1", "k1"));
        clock.set("2024-04-01T00:00:00Z");
        assertEquals(2, consumeAll(q));
        assertEquals(2, q.used("up1", "k1", LocalDate.parse("2024-04-01")));
        assertEquals(2, q.used("up1", "k1", LocalDate.parse("2024-03-01")));
        assertEquals(1, q.used("up1", "k1", LocalDate.parse("2024-02-10")));
        assertEquals(0, q.used("up1", "k1", LocalDate.parse("2024-02-29")));
    }

    @Test
    void aZeroLimitAllowsNothing() {
        Quotas q = quotas(new UsagePlan.Quota(0, QuotaPeriod.DAY));
        assertFalse(q.tryConsume("up1", "k1"));
        assertEquals(0, q.used("up1", "k1", LocalDate.parse("2024-03-10")));
    }

    @Test
    void grantSetsWhatIsLeftInTheCurrentPeriodOnly() {
        Quotas q = quotas(new UsagePlan.Quota(2, QuotaPeriod.DAY));
        assertEquals(2, consumeAll(q));
        q.grant("up1", "k1", 3);
        assertEquals(3, q.remaining("up1", "k1"));
        assertEquals(3, consumeAll(q));
        assertEquals(5, q.used("up1", "k1", LocalDate.parse("2024-03-10")));
        clock.set("2024-03-11T00:00:00Z");
        assertEquals(2, consumeAll(q));
    }

    @Test
    void grantNeedsAKnownPlanItsKeyAndAQuota() {
        Quotas q = quotas(new UsagePlan.Quota(2, QuotaPeriod.DAY));
        IllegalArgumentException plan = assertThrows(IllegalArgumentException.class, () -> q.grant("up9", "k1", 1));
        assertEquals("Invalid Usage Plan ID specified", plan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> q.grant("up1", "k4", 1));
        assertThrows(IllegalArgumentException.class, () -> q.grant("up1", "k1", -1));
        Quotas none = quotas(null);
        assertThrows(IllegalArgumentException.class, () -> none.grant("up1", "k1", 1));
    }

    @Test
    void withoutQuotaEveryRequestIsCountedForReports() {
        Quotas q = quotas(null);
        for (int i = 0; i < 7; i++) {
            assertTrue(q.tryConsume("up1", "k1"));
        }
        assertEquals(7, q.used("up1", "k1", LocalDate.parse("2024-03-10")));
        assertEquals(Quotas.REMAINING_WITHOUT_QUOTA, q.remaining("up1", "k1"));
    }

    @Test
    void periodStartsInUtc() {
        long sunday = LocalDate.parse("2024-03-17").toEpochDay();
        long monday = LocalDate.parse("2024-03-18").toEpochDay();
        assertEquals(LocalDate.parse("2024-03-11").toEpochDay(), QuotaPeriod.WEEK.startDay(sunday));
        assertEquals(monday, QuotaPeriod.WEEK.startDay(monday));
        // 1970-01-01 was a Thursday.
        assertEquals(LocalDate.parse("1969-12-29").toEpochDay(), QuotaPeriod.WEEK.startDay(0));
        assertEquals(monday + 7, QuotaPeriod.WEEK.nextStartDay(monday));
        assertEquals(LocalDate.parse("2024-02-01").toEpochDay(),
                QuotaPeriod.MONTH.startDay(LocalDate.parse("2024-02-29").toEpochDay()));
        assertEquals(LocalDate.parse("2025-01-01").toEpochDay(),
                QuotaPeriod.MONTH.nextStartDay(LocalDate.parse("2024-12-01").toEpochDay()));
        assertEquals(sunday, QuotaPeriod.DAY.startDay(sunday));
        assertEquals(monday, QuotaPeriod.DAY.nextStartDay(sunday));
    }
}
