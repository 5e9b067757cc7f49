package io.cxtracker.domain.alert;

import static io.cxtracker.domain.alert.AlertFixtures.TODAY;
import static io.cxtracker.domain.alert.AlertFixtures.milestone;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyDigestTest {

    @Test
    void theDigestListsChangesNewAtRiskOverdueAndTheBestMoversForExecutives() {
        WeeklyDigest.Facts facts = new WeeklyDigest.Facts(12, List.of("Target turned red: csat (support)"),
                List.of(milestone(TODAY.minusDays(2), null, null)),
                List.of(new WeeklyDigest.Mover("nps", 0.125), new WeeklyDigest.Mover("csat", -0.05),
                        new WeeklyDigest.Mover("fdr", 0.3)));
        NewAlert digest = new WeeklyDigest().compose(1, "CX 2026", facts, TODAY);
        assertEquals("role:executive", digest.audience().value());
        // 2026-03-20 is a Friday of ISO week 12
        assertEquals("2026-W12", digest.period());
        assertEquals("Weekly digest 2026-W12: CX 2026", digest.title());
        assertEquals("""
                What changed: 12 check-ins in the last seven days.
                New at risk: 1
                  - Target turned red: csat (support)
                Overdue: 1
                  - Callback within a day (ops, due 2026-03-18)
                Best movers: fdr +30 pts, nps +13 pts""", digest.body());
    }

    @Test
    void theWeekRunsMondayToSundayAcrossTheYear() {
        assertEquals("2026-W01", WeeklyDigest.week(LocalDate.of(2025, 12, 29)));
        assertEquals("2025-W52", WeeklyDigest.week(LocalDate.of(2025, 12, 28)));
        assertEquals(LocalDate.of(2026, 3, 16), WeeklyDigest.weekStart(TODAY));
    }

    @Test
    void aQuietWeekSaysSo() {
        NewAlert digest = new WeeklyDigest().compose(1, "CX", new WeeklyDigest.Facts(1, List.of(), List.of(), List.of()),
                TODAY);
        assertEquals("What changed: 1 check-in in the last seven days.\nNew at risk: 0\nOverdue: 0\n"
                + "Best movers: none this week", digest.body());
    }
}
