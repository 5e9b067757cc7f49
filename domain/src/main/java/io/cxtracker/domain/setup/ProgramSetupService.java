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
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Phase;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Setting up the program, a program admin's job: the program and its phases, initiatives with their
 * RACI. (Metrics are defined through {@link io.cxtracker.domain.metric.MetricSetupService}, targets set
 * through {@link io.cxtracker.domain.targets.TargetSetupService}, milestones added through the milestone
 * use cases.) Each write ends by
 * appending one audit record in the same transaction (see {@link SetupAudit}); a refused write throws first.
 */
@ApplicationScoped
@Transactional
public class ProgramSetupService {

    private final ProgramRepository programs;
    private final InitiativeRepository initiatives;
    private final DepartmentRepository departments;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected ProgramSetupService() {
        this(null, null, null, null, null);
    }

    @Inject
    public ProgramSetupService(ProgramRepository programs, InitiativeRepository initiatives, DepartmentRepository departments,
            CurrentUser currentUser, AuditRecorder audit) {
        this.programs = programs;
        this.initiatives = initiatives;
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
