package io.cxtracker.ui.admin;

import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.program.Pillar;
import java.time.LocalDate;

/** What the set-up forms fill before the use-case services get it: plain records, never entities. */
public final class SetUpDrafts {

    private SetUpDrafts() {
    }

    public record ProgramDraft(String name, LocalDate startDate) {
    }

    public record InitiativeDraft(String title, String description, Pillar pillar, Integer phaseNumber,
            DepartmentSummary accountableDepartment) {
    }

    public record RaciDraft(InitiativeSummary initiative, DepartmentSummary department, RaciRole role) {
    }

    public record MilestoneDraft(InitiativeSummary initiative, String title, String description, DepartmentSummary ownerDepartment,
            String ownerPerson, LocalDate due, Double weight) {
    }

    public record MetricDraft(String key, String name, String unit, MetricKind kind, Direction direction,
            DepartmentSummary ownerDepartment, ReportingFrequency expectedFrequency) {
    }

    public record TargetDraft(MetricSummary metric, DepartmentSummary department, Double baseline, Double targetValue,
            LocalDate due, Integer phaseNumber, Double amberTolerance, Integer windowDays) {
    }
}
