package io.cxtracker.domain.program;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void byDefaultAProgramHasThreeOneYearPhasesTransformOptimizeSustain() {
        Program program = Program.withDefaultPhases("CX Transformation 2026–2028", START);

        List<Phase> phases = program.phases();
        assertEquals(List.of("Transform", "Optimize", "Sustain"), phases.stream().map(Phase::name).toList());
        assertEquals(List.of(1, 2, 3), phases.stream().map(Phase::number).toList());
        assertEquals(LocalDate.of(2026, 1, 1), phases.get(0).start());
        assertEquals(LocalDate.of(2026, 12, 31), phases.get(0).end());
        assertEquals(LocalDate.of(2027, 1, 1), phases.get(1).start());
        assertEquals(LocalDate.of(2027, 12, 31), phases.get(1).end());
        assertEquals(LocalDate.of(2028, 1, 1), phases.get(2).start());
        assertEquals(LocalDate.of(2028, 12, 31), program.end());
    }

    @Test
    void everyDayOfTheProgramIsInExactlyOnePhase() {
        Program program = Program.withDefaultPhases("CX", START);
        assertEquals("Optimize", program.phaseOn(LocalDate.of(2027, 6, 1)).orElseThrow().name());
        assertEquals("Sustain", program.phaseOn(LocalDate.of(2028, 12, 31)).orElseThrow().name());
        assertTrue(program.phaseOn(LocalDate.of(2029, 1, 1)).isEmpty());
        assertTrue(program.contains(START));
        assertFalse(program.contains(START.minusDays(1)));
    }

    @Test
    void phasesAreConfigurableInCountNamesAndDates() {
        Program program = new Program("Pilot first", LocalDate.of(2026, 7, 1), List.of(
                new PhasePlan("Pilot", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)),
                new PhasePlan("Roll-out", LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30))));
        assertEquals(2, program.phases().size());
        assertEquals(LocalDate.of(2028, 6, 30), program.end());
        assertEquals("Roll-out", program.phase(2).orElseThrow().name());
    }

    @Test
    void aDefaultPlanStartingOnALeapDayStillLeavesNoGap() {
        Program program = Program.withDefaultPhases("Leap", LocalDate.of(2028, 2, 29));
        assertEquals(LocalDate.of(2029, 2, 27), program.phases().get(0).end());
        assertEquals(LocalDate.of(2029, 2, 28), program.phases().get(1).start());
    }

    @Test
    void phasesMustFollowEachOtherWithoutGapOrOverlapFromTheStart() {
        fields(() -> new Program("Gaps", START, List.of(
                new PhasePlan("One", START.plusDays(1), LocalDate.of(2026, 6, 30)),
                new PhasePlan("Two", LocalDate.of(2026, 7, 2), LocalDate.of(2026, 12, 31)),
                new PhasePlan("Three", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 12, 31)))),
                "phases[0].start", "phases[1].start", "phases[2].start");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        fields(() -> new Program(" ", START, List.of(
                new PhasePlan("", START, LocalDate.of(2026, 6, 30)),
                new PhasePlan("Same", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 1)),
                new PhasePlan("same", LocalDate.of(2026, 6, 2), LocalDate.of(2026, 8, 1)))),
                "name", "phases[0].name", "phases[1].end", "phases[2].name");
        fields(() -> new Program("No start", null, null), "startDate");
        fields(() -> new Program("Too long " + "x".repeat(Program.NAME_MAX_LENGTH), START, null), "name");
    }
}
