package io.cxtracker.domain.milestone;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.testing.Entities;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MilestoneTest {
    private static final Instant FEB_1 = Instant.parse("2026-02-01T09:00:00Z");
    private static final Instant MAR_1 = Instant.parse("2026-03-01T09:00:00Z");

    private final Department support = new Department(new DepartmentCode("support"), "Support", null);
    private final Initiative initiative = new Initiative(
            Program.withDefaultPhases("CX 2026–2028", LocalDate.of(2026, 1, 1)).phase(1).orElseThrow(),
            Pillar.MEASURE, "CSAT everywhere", null, support, Map.of());

    private Milestone csatSurvey() {
        return new Milestone(initiative, "CSAT survey after every ticket", null, support, "alice",
                LocalDate.of(2026, 6, 30), List.of("https://wiki.example.com/csat"), null);
    }

    @Test
    void aNewMilestoneHasNotStartedAndWeighsLikeAnyOther() {
        Milestone milestone = csatSurvey();
        assertEquals(0, milestone.progress());
        assertEquals(Optional.empty(), milestone.reportedStatus());
        assertEquals(Optional.empty(), milestone.weight());
        assertEquals(List.of("https://wiki.example.com/csat"), milestone.evidence());
    }

    @Test
    void theDueDateMustBeInsideTheProgram() {
        fields(() -> new Milestone(initiative, "Too late", null, support, "alice", LocalDate.of(2029, 1, 1), null, null), "due");
        fields(() -> new Milestone(initiative, "Too early", null, support, "alice", LocalDate.of(2025, 12, 31), null, null), "due");
        new Milestone(initiative, "Last day", null, support, "alice", LocalDate.of(2028, 12, 31), null, null);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        fields(() -> new Milestone(initiative, "", null, null, " ", null, List.of("https://ok.example.com", "ftp://files"), -1.0),
                "title", "ownerDepartment", "ownerPerson", "due", "evidence[1]", "weight");
    }

    @Test
    void aCheckInIsAppendedAndBecomesTheLatestReport() {
        Milestone milestone = csatSurvey();
        CheckIn first = milestone.checkIn(CheckInStatus.IN_PROGRESS, 30, "chat done", List.of("https://example.com/chat"),
                "alice", FEB_1);
        CheckIn second = milestone.checkIn(CheckInStatus.AT_RISK, 45, " phone vendor late ", null, "alice", MAR_1);

        assertEquals(List.of(first, second), milestone.checkIns());
        assertEquals(List.of(1, 2), milestone.checkIns().stream().map(CheckIn::sequence).toList());
        assertEquals("phone vendor late", second.comment());
        assertEquals(45, milestone.progress());
        assertEquals(Optional.of(CheckInStatus.AT_RISK), milestone.reportedStatus());
        assertEquals(2, milestone.checkInCount());
    }

    @Test
    void aCheckInIsRefusedWhenProgressIsOutOfRangeOrItPrecedesTheLatest() {
        Milestone milestone = csatSurvey();
        milestone.checkIn(CheckInStatus.IN_PROGRESS, 30, null, null, "alice", MAR_1);
        fields(() -> milestone.checkIn(null, 101, null, List.of("not a url"), "alice", FEB_1),
                "status", "progress", "evidence[0]", "at");
        fields(() -> milestone.checkIn(CheckInStatus.DONE, null, null, null, "alice", MAR_1), "progress");
        assertEquals(1, milestone.checkIns().size());
    }

    @Test
    void anOverrideWithoutAReasonIsRejected() {
        Milestone milestone = csatSurvey();
        InvalidInputException e = fields(() -> milestone.overrideStatus(MilestoneStatus.ON_TRACK, "  ", "bob", MAR_1), "reason");
        assertEquals("reason: must not be blank", e.getMessage());
        fields(() -> milestone.overrideStatus(MilestoneStatus.ON_TRACK, null, "bob", MAR_1), "reason");
        assertEquals(Optional.empty(), milestone.override());
    }

    @Test
    void anOverrideWinsOverTheDerivedStatusButKeepsItVisibleUntilCleared() {
        Milestone milestone = csatSurvey();
        milestone.overrideStatus(MilestoneStatus.ON_TRACK, "vendor confirmed the date", "bob", MAR_1);

        EffectiveStatus shown = milestone.effectiveStatus(MilestoneStatus.OFF_TRACK);
        assertEquals(MilestoneStatus.ON_TRACK, shown.status());
        assertEquals(MilestoneStatus.OFF_TRACK, shown.derived());
        assertEquals("vendor confirmed the date", shown.override().orElseThrow().reason());
        assertEquals("bob", shown.override().orElseThrow().by());

        milestone.clearOverride();
        assertEquals(MilestoneStatus.OFF_TRACK, milestone.effectiveStatus(MilestoneStatus.OFF_TRACK).status());
        assertFalse(milestone.effectiveStatus(MilestoneStatus.OFF_TRACK).isOverridden());
    }

    @Test
    void linkingATargetTwiceLinksItOnce() {
        Milestone milestone = csatSurvey();
        Metric csat = new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support,
                ReportingFrequency.DAILY);
        Target target = new Target(csat, null, 70.0, 80.0, LocalDate.of(2026, 6, 30), null, null);
        Entities.assignId(target, 7);
        milestone.linkTarget(target);
        milestone.linkTarget(target);
        assertEquals(List.of(target), milestone.targets());
        assertTrue(milestone.isLinkedTo(target));
        milestone.unlinkTarget(target);
        assertEquals(List.of(), milestone.targets());
    }

    @Test
    void aRevisionReplacesThePlanOrChangesNothing() {
        Milestone milestone = csatSurvey();
        milestone.revise("CSAT after every contact", "all channels", support, "carol", LocalDate.of(2026, 9, 30),
                List.of("https://a.example.com", "https://a.example.com", "https://b.example.com"), 3.0);
        assertEquals("carol", milestone.ownerPerson());
        assertEquals(List.of("https://a.example.com", "https://b.example.com"), milestone.evidence());
        assertEquals(Optional.of(3.0), milestone.weight());

        fields(() -> milestone.revise("x", null, support, "carol", LocalDate.of(2030, 1, 1), null, 0.0), "due", "weight");
        assertEquals(LocalDate.of(2026, 9, 30), milestone.due());
    }
}
