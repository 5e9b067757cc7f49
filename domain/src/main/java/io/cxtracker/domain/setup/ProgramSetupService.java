package io.cxtracker.domain.setup;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentCode;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeRepository;
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
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.target.NewTarget;
import io.cxtracker.domain.target.Target;
import io.cxtracker.domain.target.TargetRepository;
import io.cxtracker.domain.target.TargetSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Setting up the program, a program admin's job: the program and its phases, initiatives with their
 * RACI, metrics and targets. (Milestones are added through the milestone use cases.)
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

    /** For the CDI proxy only. */
    protected ProgramSetupService() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public ProgramSetupService(ProgramRepository programs, InitiativeRepository initiatives, MetricRepository metrics,
            TargetRepository targets, DepartmentRepository departments, CurrentUser currentUser) {
        this.programs = programs;
        this.initiatives = initiatives;
        this.metrics = metrics;
        this.targets = targets;
        this.departments = departments;
        this.currentUser = currentUser;
    }

    /** A program with its phases: the default three one-year phases unless the command lists others. */
    public ProgramSummary createProgram(NewProgram command) {
        Authority.requireProgramAdmin(currentUser, "set up programs");
        Program program = new Program(command.name(), command.startDate(), command.phases());
        programs.add(program);
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
        initiative.assign(department, role);
        initiatives.store(initiative);
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

    public ProgramSummary getProgram(long id) {
        return ProgramSummary.of(program(id));
    }

    public List<ProgramSummary> programs() {
        return programs.list().stream().map(ProgramSummary::of).toList();
    }

    public List<InitiativeSummary> initiatives(long programId) {
        return initiatives.listByProgram(programId).stream().map(InitiativeSummary::of).toList();
    }

    public List<MetricSummary> metrics() {
        return metrics.list().stream().map(MetricSummary::of).toList();
    }

    public List<TargetSummary> targets(String metricKey) {
        if (!MetricKey.isValid(metricKey)) {
            throw new NotFoundException("metric", String.valueOf(metricKey));
        }
        return targets.listByMetric(new MetricKey(metricKey)).stream().map(TargetSummary::of).toList();
    }

    private Program program(long id) {
        return programs.findById(id).orElseThrow(() -> new NotFoundException("program", String.valueOf(id)));
    }

    private Department department(String field, String code, Violations violations) {
        if (code == null || code.isBlank()) {
            violations.add(field, "must not be blank");
            return null;
        }
        if (!DepartmentCode.isValid(code)) {
            violations.add(field, "must be " + DepartmentCode.RULE);
            return null;
        }
        Department department = departments.findByCode(new DepartmentCode(code)).orElse(null);
        violations.check(department != null, field, "no department has the code '" + code + "'");
        return department;
    }
}
