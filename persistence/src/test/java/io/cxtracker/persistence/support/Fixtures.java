package io.cxtracker.persistence.support;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.targets.Target;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo program's cast, made fresh for each test: departments get unique codes (support-7, …) so
 * tests sharing the run's database never see each other's data.
 */
public final class Fixtures {
    public static final LocalDate PROGRAM_START = LocalDate.of(2026, 1, 1);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public static Department department(EntityManager em, String prefix) {
        Department department = new Department(new DepartmentCode(unique(prefix)), "The " + prefix + " department", null);
        em.persist(department);
        return department;
    }

    /** "CX Transformation 2026–2028": Transform 2026, Optimize 2027, Sustain 2028. */
    public static Program program(EntityManager em) {
        Program program = Program.withDefaultPhases("CX Transformation 2026–2028", PROGRAM_START);
        em.persist(program);
        return program;
    }

    public static Initiative initiative(EntityManager em, Program program, int phase, Pillar pillar, Department accountable,
            Map<Department, RaciRole> contributors) {
        Initiative initiative = new Initiative(program.phase(phase).orElseThrow(), pillar, "Initiative " + unique("i"),
                "what it is for", accountable, contributors);
        em.persist(initiative);
        return initiative;
    }

    public static Metric metric(EntityManager em, MetricKind kind, Direction direction, Department owner) {
        Metric metric = new Metric(new MetricKey(unique(kind.name().toLowerCase().replace('_', '-'))), kind + " metric",
                "points", kind, direction, owner, ReportingFrequency.DAILY);
        em.persist(metric);
        return metric;
    }

    public static Target target(EntityManager em, Metric metric, Department scope, double baseline, double target,
            LocalDate due, double amberTolerance, int windowDays) {
        Target t = new Target(metric, scope, baseline, target, due, amberTolerance, windowDays);
        em.persist(t);
        return t;
    }

    public static Milestone milestone(EntityManager em, Initiative initiative, Department owner, LocalDate due) {
        Milestone milestone = new Milestone(initiative, "Milestone " + unique("m"), null, owner, "alice", due,
                List.of("https://intranet.example.com/plan"), null);
        em.persist(milestone);
        return milestone;
    }
}
