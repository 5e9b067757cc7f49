package io.cxtracker.domain.targets;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.program.Phase;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * Setting and revising targets, a program admin's job (beside {@link TargetService}, which reads them and
 * their verdicts). Each write ends by appending one audit record in the same transaction; a refused write
 * throws first.
 */
@ApplicationScoped
@Transactional
public class TargetSetupService {
    private final TargetRepository targets;
    private final MetricRepository metrics;
    private final ProgramRepository programs;
    private final DepartmentRepository departments;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected TargetSetupService() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public TargetSetupService(TargetRepository targets, MetricRepository metrics, ProgramRepository programs,
            DepartmentRepository departments, CurrentUser currentUser, AuditRecorder audit) {
        this.targets = targets;
        this.metrics = metrics;
        this.programs = programs;
        this.departments = departments;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** A target on a metric, due on a date or at the end of a phase. */
    public TargetSummary setTarget(NewTarget command) {
        Authority.requireProgramAdmin(currentUser, "set targets");
        Violations violations = new Violations();
        Metric metric = null;
        if (!MetricKey.isValid(command.metricKey())) {
            violations.add("metricKey", "must be " + MetricKey.RULE);
        } else {
            metric = metrics.findByKey(new MetricKey(command.metricKey())).orElse(null);
            violations.check(metric != null, "metricKey", "no metric has the key '" + command.metricKey() + "'");
        }
        Department scope = departments.optional("departmentCode", command.departmentCode(), violations);
        LocalDate due = dueDate(command, violations);
        if (metric == null) {
            violations.throwIfAny();
        }
        Metric onMetric = metric;
        Target target = violations.capture(() -> new Target(onMetric, scope, command.baseline(), command.targetValue(), due,
                command.amberTolerance(), command.windowDays()));
        violations.throwIfAny();
        targets.add(target);
        audit.record(AuditEntry.of(TargetAudit.TARGET, target.id(), AuditEntry.CREATE)
                .department(TargetAudit.department(target)).created(TargetAudit.target(target)));
        return TargetSummary.of(target);
    }

    /** Changes a target's numbers or date; the caller names the version it saw. */
    public TargetSummary reviseTarget(long id, long expectedVersion, TargetRevision revision) {
        Authority.requireProgramAdmin(currentUser, "revise targets");
        Target target = targets.findById(id).orElseThrow(() -> new NotFoundException("target", String.valueOf(id)));
        ConcurrentUpdateException.requireVersion("target", id, expectedVersion, target.version());
        var before = TargetAudit.target(target);
        target.revise(revision.baseline(), revision.targetValue(), revision.due(), revision.amberTolerance(),
                revision.windowDays());
        targets.store(target);
        audit.record(AuditEntry.of(TargetAudit.TARGET, target.id(), AuditEntry.UPDATE)
                .department(TargetAudit.department(target)).changes(before, TargetAudit.target(target)));
        return TargetSummary.of(target);
    }

    public List<TargetSummary> targets(String metricKey) {
        Authority.requireCanReadProgram(currentUser, "targets");
        if (!MetricKey.isValid(metricKey)) {
            throw new NotFoundException("metric", String.valueOf(metricKey));
        }
        return targets.listByMetric(new MetricKey(metricKey)).stream().map(TargetSummary::of).toList();
    }

    private LocalDate dueDate(NewTarget command, Violations violations) {
        boolean byPhase = command.programId() != null || command.phaseNumber() != null;
        if (command.due() != null && byPhase) {
            violations.add("due", "give either a due date or a phase, not both");
            return command.due();
        }
        if (!byPhase) {
            return command.due();
        }
        if (command.programId() == null || command.phaseNumber() == null) {
            violations.add("phaseNumber", "a phase is named by its program and its number");
            return null;
        }
        Program program = programs.findById(command.programId()).orElse(null);
        if (program == null) {
            violations.add("programId", "no program has the id " + command.programId());
            return null;
        }
        return program.phase(command.phaseNumber()).map(Phase::end).orElseGet(() -> {
            violations.add("phaseNumber", "must be between 1 and " + program.phases().size());
            return null;
        });
    }
}
