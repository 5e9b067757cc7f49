package io.cxtracker.domain.setup;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeRepository;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeRevision;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Phase;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetRepository;
import io.cxtracker.domain.targets.TargetRevision;
import io.cxtracker.domain.targets.TargetSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Setting up the program, a program admin's job: the program and its phases, initiatives with their
 * RACI, metrics and targets. (Milestones are added through the milestone use cases.) Each write ends by
 * appending one audit record in the same transaction (see {@link SetupAudit}); a refused write throws first.
 */
@ApplicationScoped
@Transactional
public class ProgramSetupService {

    private final ProgramRepository programs;
    private final InitiativeRepository initiatives;
    private final MetricRepository metrics;
    private final TargetRepository targets;
    private final DepartmentRepository departments;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected ProgramSetupService() {
        this(null, null, null, null, null, null, null);
    }

    @Inject
    public ProgramSetupService(ProgramRepository programs, InitiativeRepository initiatives, MetricRepository metrics,
            TargetRepository targets, DepartmentRepository departments, CurrentUser currentUser, AuditRecorder audit) {
        this.programs = programs;
        this.initiatives = initiatives;
        this.metrics = metrics;
        this.targets = targets;
        this.departments = departments;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** A program with its phases: the default three one-year phases unless the command lists others. */
    public ProgramSummary createProgram(NewProgram command) {
        Authority.requireProgramAdmin(currentUser, "set up programs");
        Program program = new Program(command.name(), command.startDate(), command.phases());
        programs.add(program);
        audit.record(AuditEntry.of(SetupAudit.PROGRAM, program.id(), AuditEntry.CREATE).created(SetupAudit.program(program)));
        return ProgramSummary.of(program);
    }

    public InitiativeSummary createInitiative(NewInitiative command) {
        Authority.requireProgramAdmin(currentUser, "set up initiatives");
        Program program = program(command.programId());
        Violations violations = new Violations();
        Phase phase = null;
        if (command.phaseNumber() == null) {
            violations.add("phaseNumber", "must be given");
        } else {
            phase = program.phase(command.phaseNumber()).orElse(null);
            violations.check(phase != null, "phaseNumber", "must be between 1 and " + program.phases().size());
        }
        Department accountable = department("accountableDepartment", command.accountableDepartment(), violations);
        Map<Department, RaciRole> contributors = new LinkedHashMap<>();
        if (command.raci() != null) {
            command.raci().forEach((code, role) -> {
                Department department = department("raci." + code, code, violations);
                if (department != null) {
                    contributors.put(department, role);
                }
            });
        }
        Phase inPhase = phase;
        Initiative initiative = violations.capture(Map.of("phase", "phaseNumber"), () -> new Initiative(inPhase,
                command.pillar(), command.title(), command.description(), accountable, contributors));
        violations.throwIfAny();
        initiatives.add(initiative);
        audit.record(AuditEntry.of(SetupAudit.INITIATIVE, initiative.id(), AuditEntry.CREATE)
                .department(initiative.accountable().code().value()).created(SetupAudit.initiative(initiative)));
        return InitiativeSummary.of(initiative);
    }

    /** Gives a department a RACI role in an initiative; ACCOUNTABLE hands accountability over. */
    public InitiativeSummary assignRaci(long initiativeId, long expectedVersion, String departmentCode, RaciRole role) {
        Authority.requireProgramAdmin(currentUser, "change RACI assignments");
        Initiative initiative = initiatives.findById(initiativeId)
                .orElseThrow(() -> new NotFoundException("initiative", String.valueOf(initiativeId)));
        ConcurrentUpdateException.requireVersion("initiative", initiativeId, expectedVersion, initiative.version());
        Violations violations = new Violations();
        Department department = department("department", departmentCode, violations);
        violations.required("role", role);
        violations.throwIfAny();
        var before = SetupAudit.initiative(initiative);
        initiative.assign(department, role);
        initiatives.store(initiative);
        audit.record(AuditEntry.of(SetupAudit.INITIATIVE, initiative.id(), SetupAudit.ASSIGN_RACI)
                .department(initiative.accountable().code().value()).changes(before, SetupAudit.initiative(initiative)));
        return InitiativeSummary.of(initiative);
    }

    public MetricSummary defineMetric(NewMetric command) {
        Authority.requireProgramAdmin(currentUser, "define metrics");
        Violations violations = new Violations();
        MetricKey key = violations.capture(() -> new MetricKey(command.key()));
        Department owner = department("ownerDepartment", command.ownerDepartment(), violations);
        Metric metric = violations.capture(() -> new Metric(key, command.name(), command.unit(), command.kind(),
                command.direction(), owner, command.expectedFrequency()));
        violations.throwIfAny();
        if (metrics.findByKey(key).isPresent()) {
            throw new AlreadyExistsException("metric", key.value());
        }
        metrics.add(metric);
        audit.record(AuditEntry.of(SetupAudit.METRIC, metric.key().value(), AuditEntry.CREATE)
                .department(SetupAudit.department(metric)).created(SetupAudit.metric(metric)));
        return MetricSummary.of(metric);
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
        Department scope = command.departmentCode() == null || command.departmentCode().isBlank()
                ? null : department("departmentCode", command.departmentCode(), violations);
        LocalDate due = dueDate(command, violations);
        if (metric == null) {
            violations.throwIfAny();
        }
        Metric onMetric = metric;
        Target target = violations.capture(() -> new Target(onMetric, scope, command.baseline(), command.targetValue(), due,
                command.amberTolerance(), command.windowDays()));
        violations.throwIfAny();
        targets.add(target);
        audit.record(AuditEntry.of(SetupAudit.TARGET, target.id(), AuditEntry.CREATE)
                .department(SetupAudit.department(target)).created(SetupAudit.target(target)));
        return TargetSummary.of(target);
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

    /** Renames a program; the caller names the version it saw. */
    public ProgramSummary renameProgram(long id, long expectedVersion, String name) {
        Authority.requireProgramAdmin(currentUser, "rename programs");
        Program program = program(id);
        ConcurrentUpdateException.requireVersion("program", id, expectedVersion, program.version());
        var before = SetupAudit.program(program);
        program.rename(name);
        programs.store(program);
        audit.record(AuditEntry.of(SetupAudit.PROGRAM, program.id(), AuditEntry.UPDATE)
                .changes(before, SetupAudit.program(program)));
        return ProgramSummary.of(program);
    }

    /** Changes an initiative's title, description, pillar and phase; the caller names the version it saw. */
    public InitiativeSummary reviseInitiative(long id, long expectedVersion, InitiativeRevision revision) {
        Authority.requireProgramAdmin(currentUser, "revise initiatives");
        Initiative initiative = initiative(id);
        ConcurrentUpdateException.requireVersion("initiative", id, expectedVersion, initiative.version());
        var before = SetupAudit.initiative(initiative);
        Violations violations = new Violations();
        Phase phase = null;
        if (revision.phaseNumber() == null) {
            violations.add("phaseNumber", "must be given");
        } else {
            phase = initiative.program().phase(revision.phaseNumber()).orElse(null);
            violations.check(phase != null, "phaseNumber", "must be between 1 and " + initiative.program().phases().size());
        }
        violations.capture(() -> {
            initiative.revise(revision.title(), revision.description(), revision.pillar());
            return initiative;
        });
        violations.throwIfAny();
        initiative.moveTo(phase);
        initiatives.store(initiative);
        audit.record(AuditEntry.of(SetupAudit.INITIATIVE, initiative.id(), AuditEntry.UPDATE)
                .department(initiative.accountable().code().value()).changes(before, SetupAudit.initiative(initiative)));
        return InitiativeSummary.of(initiative);
    }

    /** Changes a target's numbers or date; the caller names the version it saw. */
    public TargetSummary reviseTarget(long id, long expectedVersion, TargetRevision revision) {
        Authority.requireProgramAdmin(currentUser, "revise targets");
        Target target = targets.findById(id).orElseThrow(() -> new NotFoundException("target", String.valueOf(id)));
        ConcurrentUpdateException.requireVersion("target", id, expectedVersion, target.version());
        var before = SetupAudit.target(target);
        target.revise(revision.baseline(), revision.targetValue(), revision.due(), revision.amberTolerance(),
                revision.windowDays());
        targets.store(target);
        audit.record(AuditEntry.of(SetupAudit.TARGET, target.id(), AuditEntry.UPDATE)
                .department(SetupAudit.department(target)).changes(before, SetupAudit.target(target)));
        return TargetSummary.of(target);
    }

    /**
     * A page of the programs, newest start first unless sorted by {@code start}, {@code name} or {@code id}.
     *
     * @throws io.cxtracker.domain.shared.InvalidInputException on {@code sort}
     */
    public Page<ProgramSummary> programs(PageRequest page) {
        Authority.requireCanReadProgram(currentUser, "programs");
        List<Program> all = programs.list();
        if (page.sortProperty() != null) {
            Comparator<Program> order = switch (page.sortProperty()) {
                case "start" -> Comparator.comparing(Program::start);
                case "name" -> Comparator.comparing(Program::name, String.CASE_INSENSITIVE_ORDER);
                case "id" -> Comparator.comparing(Program::id);
                default -> throw new InvalidInputException("sort", "must be one of [id, name, start]");
            };
            all = all.stream().sorted((page.ascending() ? order : order.reversed()).thenComparing(Program::id)).toList();
        }
        int from = Math.min(page.offset(), all.size());
        int to = (int) Math.min((long) from + page.limit(), all.size());
        return new Page<>(all.subList(from, to).stream().map(ProgramSummary::of).toList(), all.size());
    }

    public InitiativeSummary getInitiative(long id) {
        Authority.requireCanReadProgram(currentUser, "initiatives");
        return InitiativeSummary.of(initiative(id));
    }

    /** A page of the initiatives the filter selects. */
    public Page<InitiativeSummary> initiatives(InitiativeFilter filter, PageRequest page) {
        Authority.requireCanReadProgram(currentUser, "initiatives");
        return initiatives.page(filter, page).map(InitiativeSummary::of);
    }

    public MetricSummary getMetric(String key) {
        Authority.requireCanReadMetricDefinitions(currentUser);
        if (!MetricKey.isValid(key)) {
            throw new NotFoundException("metric", String.valueOf(key));
        }
        return metrics.findByKey(new MetricKey(key)).map(MetricSummary::of)
                .orElseThrow(() -> new NotFoundException("metric", key));
    }

    public ProgramSummary getProgram(long id) {
        Authority.requireCanReadProgram(currentUser, "programs");
        return ProgramSummary.of(program(id));
    }

    public List<ProgramSummary> programs() {
        Authority.requireCanReadProgram(currentUser, "programs");
        return programs.list().stream().map(ProgramSummary::of).toList();
    }

    public List<InitiativeSummary> initiatives(long programId) {
        Authority.requireCanReadProgram(currentUser, "initiatives");
        return initiatives.listByProgram(programId).stream().map(InitiativeSummary::of).toList();
    }

    public List<MetricSummary> metrics() {
        Authority.requireCanReadMetricDefinitions(currentUser);
        return metrics.list().stream().map(MetricSummary::of).toList();
    }

    public List<TargetSummary> targets(String metricKey) {
        Authority.requireCanReadProgram(currentUser, "targets");
        if (!MetricKey.isValid(metricKey)) {
            throw new NotFoundException("metric", String.valueOf(metricKey));
        }
        return targets.listByMetric(new MetricKey(metricKey)).stream().map(TargetSummary::of).toList();
    }

    private Initiative initiative(long id) {
        return initiatives.findById(id).orElseThrow(() -> new NotFoundException("initiative", String.valueOf(id)));
    }

    private Program program(long id) {
        return programs.findById(id).orElseThrow(() -> new NotFoundException("program", String.valueOf(id)));
    }

    private Department department(String field, String code, Violations violations) {
        return departments.existing(field, code, violations);
    }
}
