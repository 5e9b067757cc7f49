package io.cxtracker.domain.targets;

import static io.cxtracker.domain.metric.Direction.HIGHER_IS_BETTER;
import static io.cxtracker.domain.metric.Direction.LOWER_IS_BETTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetAttainmentTest {
    // churn: baseline 8 %, target 5 %, lower is better
    private final TargetAttainment churn = new TargetAttainment(8, 5, LOWER_IS_BETTER);
    // NPS: baseline 20, target 45, higher is better
    private final TargetAttainment nps = new TargetAttainment(20, 45, HIGHER_IS_BETTER);

    @Test
    void churnHalfWayDownIsHalfTheProgress() {
        // (6.5 − 8) / (5 − 8) = −1.5 / −3 = 0.5; 6.5 is 1.5 above the target
        assertEquals(0.5, churn.progress(6.5));
        assertEquals(1.5, churn.shortfall(6.5));
        assertFalse(churn.isMet(6.5));
    }

    @Test
    void churnIsMetAtOrBelowTheTarget() {
        assertTrue(churn.isMet(5.0));
        assertTrue(churn.isMet(4.9));
        assertFalse(churn.isMet(5.1));
        assertEquals(1.0, churn.progress(5.0));
        // (9 − 8) / (5 − 8) = −1/3: churn got worse than the baseline
        assertEquals(-1.0 / 3.0, churn.progress(9));
    }

    @Test
    void npsProgressCountsFromTheBaselineAndIsNotClamped() {
        // (32.5 − 20) / (45 − 20) = 12.5 / 25 = 0.5; (50 − 20) / 25 = 1.2; (15 − 20) / 25 = −0.2
        assertEquals(0.5, nps.progress(32.5));
        assertEquals(1.2, nps.progress(50));
        assertEquals(-0.2, nps.progress(15));
        assertEquals(12.5, nps.shortfall(32.5));
        assertTrue(nps.isMet(45));
        assertFalse(nps.isMet(44.99));
    }

    @Test
    void aTargetOnTheWrongSideOfItsBaselineIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TargetAttainment(5, 8, LOWER_IS_BETTER));
        assertEquals("target 8.0 must be below baseline 5.0 when lower is better", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TargetAttainment(45, 20, HIGHER_IS_BETTER));
        assertThrows(IllegalArgumentException.class, () -> new TargetAttainment(20, 20, HIGHER_IS_BETTER));
        assertThrows(IllegalArgumentException.class, () -> new TargetAttainment(Double.NaN, 20, HIGHER_IS_BETTER));
    }
}
