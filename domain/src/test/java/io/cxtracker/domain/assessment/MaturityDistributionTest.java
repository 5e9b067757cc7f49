package io.cxtracker.domain.assessment;

import static io.cxtracker.domain.assessment.MaturityLevel.COMPETENT;
import static io.cxtracker.domain.assessment.MaturityLevel.IGNORE;
import static io.cxtracker.domain.assessment.MaturityLevel.MATURE;
import static io.cxtracker.domain.assessment.MaturityLevel.NOVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaturityDistributionTest {
    private static final LocalDate DAY = LocalDate.of(2026, 9, 30);

    @Test
    void countsEachAssessedDepartmentOnceAndTheUnassessedApart() {
        MaturityDistribution d = MaturityDistribution.of(DAY, List.of(MATURE, COMPETENT, COMPETENT, NOVICE, MATURE, IGNORE,
                COMPETENT, NOVICE, NOVICE), 10);
        assertEquals(Map.of(IGNORE, 1, NOVICE, 3, COMPETENT, 3, MATURE, 2), d.levels());
        assertEquals(9, d.assessed());
        assertEquals(1, d.unassessed());
        // 2 mature out of all 10 departments, the unassessed one included
        assertEquals(0.2, d.matureShare(), 1e-12);
        assertEquals(List.of(IGNORE, NOVICE, COMPETENT, MATURE), List.copyOf(d.levels().keySet()));
    }

    @Test
    void noDepartmentsNoShareAndEveryLevelIsListed() {
        MaturityDistribution d = MaturityDistribution.of(DAY, List.of(), 0);
        assertNull(d.matureShare());
        assertEquals(Map.of(IGNORE, 0, NOVICE, 0, COMPETENT, 0, MATURE, 0), d.levels());
        assertThrows(IllegalArgumentException.class, () -> MaturityDistribution.of(DAY, List.of(MATURE, MATURE), 1));
    }
}
