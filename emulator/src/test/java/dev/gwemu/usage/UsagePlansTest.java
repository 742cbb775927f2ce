package dev.gwemu.usage;

import dev.gwemu.usage.UsageDecision.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plan rules of security-and-operations.md §2.1 and the key validation of §2.2. */
class UsagePlansTest {
    static final String V1 = "value-of-key-one-00000";
    static final String V2 = "value-of-key-two-00000";
    static final String V3 = "value-of-key-three-000";
    static final String V4 = "value-of-key-four-0000";

    static final ApiKeys KEYS = ApiKeys.of(List.of(
            new ApiKey("k1", "one", V1, true),
            new ApiKey("k2", "two", V2, true),
            new ApiKey("k3", "three", V3, false),
            new ApiKey("k4", "four", V4, true)));

    private static UsagePlan plan(String id, List<UsagePlan.ApiStage> stages, String... keys) {
        return new UsagePlan(id, null, stages, null, null, List.of(keys));
    }

    private final UsagePlans plans = new UsagePlans(KEYS, List.of(
            plan("up1", List.of(new UsagePlan.ApiStage("a1", "dev")), "k1", "k3"),
            plan("up2", List.of(new UsagePlan.ApiStage("a1", "prod")), "k2", "k1")));

    @Test
    void aKeyInTwoPlansOfOneStageIsAConflict() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new UsagePlans(KEYS, List.of(
                plan("up1", List.of(new UsagePlan.ApiStage("a1", "dev")), "k1"),
                new UsagePlan("up2", "gold", List.of(new UsagePlan.ApiStage("a1", "prod"),
                        new UsagePlan.ApiStage("a1", "dev")), null, null, List.of("k2", "k1")))));
        assertEquals("API key 'k1' is in usage plans 'up1' and 'gold' (up2), which both cover stage dev of API a1;"
                + " a key may be in only one usage plan per API stage", e.getMessage());
    }

    @Test
    void aKeyMayBeInPlansOfDifferentStages() {
        assertSame(KEYS.byId("k1"), plans.validateKey("a1", "dev", V1).apiKey());
        assertSame(KEYS.byId("k1"), plans.validateKey("a1", "prod", V1).apiKey());
    }

    @Test
    void plansMustNameExistingKeysAndHaveUniqueIds() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new UsagePlans(KEYS, List.of(plan("up1", List.of(), "k9"))));
        assertEquals("usage plan 'up1' names API key 'k9', which does not exist", unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new UsagePlans(KEYS, List.of(plan("up1", List.of()), plan("up1", List.of()))));
        assertThrows(IllegalArgumentException.class, () -> plan("up1", List.of(), "k1", "k1"));
        assertThrows(IllegalArgumentException.class, () -> plan("up1",
                List.of(new UsagePlan.ApiStage("a1", "dev"), new UsagePlan.ApiStage("a1", "dev"))));
    }

    @Test
    void methodThrottleKeysAreResourcePathSlashMethod() {
        ThrottleLimit l = new ThrottleLimit(1, 1);
        assertEquals(2, new UsagePlan.ApiStage("a1", "dev", Map.of("/pets/GET", l, "//GET", l))
                .methodThrottles().size());
        new UsagePlan.ApiStage("a1", "dev", Map.of("/pets/{petId}/DELETE", l));
        for (String bad : List.of("/GET", "pets/GET", "/pets/get", "/pets/", "GET")) {
            assertThrows(IllegalArgumentException.class,
                    () -> new UsagePlan.ApiStage("a1", "dev", Map.of(bad, l)), bad);
        }
    }

    @Test
    void quotaLimitsAreNotNegativeAndTheOffsetOnlyShortensTheInitialPeriod() {
        assertEquals(3, new UsagePlan.Quota(5, QuotaPeriod.DAY, 2).initialLimit());
        assertEquals(0, new UsagePlan.Quota(5, QuotaPeriod.DAY, 9).initialLimit());
        assertThrows(IllegalArgumentException.class, () -> new UsagePlan.Quota(-1, QuotaPeriod.DAY));
        assertThrows(IllegalArgumentException.class, () -> new UsagePlan.Quota(1, QuotaPeriod.DAY, -1));
    }

    // §2.2 validation algorithm, step by step.

    @Test
    void noValueIsForbidden() {
        assertEquals(Reason.MISSING_KEY, plans.validateKey("a1", "dev", null).reason());
        assertEquals(Reason.MISSING_KEY, plans.validateKey("a1", "dev", "").reason());
    }

    @Test
    void unknownValueIsForbidden() {
        UsageDecision d = plans.validateKey("a1", "dev", "no-such-key-value-000000");
        assertEquals(Reason.UNKNOWN_KEY, d.reason());
        assertEquals(UsageOutcome.FORBIDDEN, d.outcome());
        assertNull(d.apiKey());
    }

    @Test
    void keyOfAPlanForAnotherStageIsForbidden() {
        assertEquals(Reason.KEY_NOT_IN_STAGE_PLAN, plans.validateKey("a1", "dev", V2).reason());
    }

    @Test
    void keyInNoPlanIsForbidden() {
        assertEquals(Reason.KEY_NOT_IN_STAGE_PLAN, plans.validateKey("a1", "dev", V4).reason());
    }

    @Test
    void stageInNoPlanForbidsEveryKey() {
        assertFalse(plans.covers("a1", "test"));
        assertTrue(plans.covers("a1", "dev"));
        assertEquals(Reason.KEY_NOT_IN_STAGE_PLAN, plans.validateKey("a1", "test", V1).reason());
        assertEquals(Reason.KEY_NOT_IN_STAGE_PLAN, plans.validateKey("a2", "dev", V1).reason());
    }

    @Test
    void disabledKeyIsForbidden() {
        UsageDecision d = plans.validateKey("a1", "dev", V3);
        assertEquals(Reason.KEY_DISABLED, d.reason());
        assertEquals(UsageOutcome.FORBIDDEN, d.outcome());
    }

    @Test
    void enabledKeyOfAPlanOfTheStageIsAcceptedWithItsIdAndValue() {
        UsageDecision d = plans.validateKey("a1", "dev", V1);
        assertTrue(d.isOk());
        assertEquals(Reason.KEY_ACCEPTED, d.reason());
        assertEquals("k1", d.apiKeyId());
        assertEquals(V1, d.apiKeyValue());
    }
}
