package io.cxtracker.domain.initiative;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.program.Phase;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An objective of the program under one pillar and in one phase. One department is accountable for it;
 * others contribute with a RACI role. Milestones hang under initiatives.
 */
@Entity
@Table(name = "initiative")
public class Initiative {
    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id", nullable = false, updatable = false)
    private Program program;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "phase_id", nullable = false)
    private Phase phase;

    @Enumerated(EnumType.STRING)
    @Column(name = "pillar", nullable = false, length = 20)
    private Pillar pillar;

    @Column(name = "title", nullable = false, length = TITLE_MAX_LENGTH)
    private String title;

    @Column(name = "description", length = DESCRIPTION_MAX_LENGTH)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "accountable_department_id", nullable = false)
    private Department accountable;

    @ElementCollection
    @CollectionTable(name = "initiative_raci", joinColumns = @JoinColumn(name = "initiative_id"))
    private List<RaciAssignment> contributors = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Initiative() {
        // for JPA
    }

    /**
     * @param contributors the other departments and their roles (RESPONSIBLE, CONSULTED, INFORMED); may be empty
     * @throws InvalidInputException naming every bad field
     */
    public Initiative(Phase phase, Pillar pillar, String title, String description, Department accountable,
            Map<Department, RaciRole> contributors) {
        Violations violations = new Violations();
        violations.required("phase", phase);
        violations.required("pillar", pillar);
        String checkedTitle = violations.requiredText("title", title, TITLE_MAX_LENGTH);
        String checkedDescription = violations.optionalText("description", description, DESCRIPTION_MAX_LENGTH);
        violations.required("accountableDepartment", accountable);
        Map<Department, RaciRole> others = contributors == null ? Map.of() : contributors;
        others.forEach((department, role) -> checkContributor(department, role, accountable, violations));
        violations.throwIfAny();
        this.program = phase.program();
        this.phase = phase;
        this.pillar = pillar;
        this.title = checkedTitle;
        this.description = checkedDescription;
        this.accountable = accountable;
        others.forEach((department, role) -> this.contributors.add(new RaciAssignment(department, role)));
    }

    private static void checkContributor(Department department, RaciRole role, Department accountable, Violations violations) {
        String field = "raci." + (department == null ? "?" : department.code().value());
        if (department == null || role == null) {
            violations.add(field, "needs a department and a role");
        } else if (role == RaciRole.ACCOUNTABLE) {
            violations.add(field, "only the accountable department is ACCOUNTABLE; an initiative has exactly one");
        } else if (sameDepartment(department, accountable)) {
            violations.add(field, "is the accountable department already");
        }
    }

    /**
     * Gives a contributing department a role, or changes it. ACCOUNTABLE hands accountability over: the
     * previously accountable department leaves the RACI unless given a role again.
     */
    public void assign(Department department, RaciRole role) {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(role, "role");
        if (role == RaciRole.ACCOUNTABLE) {
            contributors.removeIf(a -> sameDepartment(a.department(), department));
            accountable = department;
            return;
        }
        if (sameDepartment(department, accountable)) {
            throw new InvalidInputException("raci." + department.code().value(),
                    "is accountable; hand accountability to another department first");
        }
        contributors.removeIf(a -> sameDepartment(a.department(), department));
        contributors.add(new RaciAssignment(department, role));
    }

    /**
     * Changes what the initiative is: its title, description and pillar.
     *
     * @throws InvalidInputException naming every bad field; nothing changes then
     */
    public void revise(String newTitle, String newDescription, Pillar newPillar) {
        Violations violations = new Violations();
        String checkedTitle = violations.requiredText("title", newTitle, TITLE_MAX_LENGTH);
        String checkedDescription = violations.optionalText("description", newDescription, DESCRIPTION_MAX_LENGTH);
        violations.required("pillar", newPillar);
        violations.throwIfAny();
        this.title = checkedTitle;
        this.description = checkedDescription;
        this.pillar = newPillar;
    }

    /** Moves the initiative to another phase of its program. */
    public void moveTo(Phase newPhase) {
        if (!sameProgram(newPhase.program(), program)) {
            throw new InvalidInputException("phase", "must be a phase of the initiative's program");
        }
        this.phase = newPhase;
    }

    private static boolean sameProgram(Program a, Program b) {
        return a == b || (a.id() != null && a.id().equals(b.id()));
    }

    private static boolean sameDepartment(Department a, Department b) {
        return a != null && b != null && a.code().equals(b.code());
    }

    public Long id() {
        return id;
    }

    public Program program() {
        return program;
    }

    public Phase phase() {
        return phase;
    }

    public Pillar pillar() {
        return pillar;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Department accountable() {
        return accountable;
    }

    /** Every department's role, the accountable one first. */
    public Map<DepartmentCode, RaciRole> raci() {
        Map<DepartmentCode, RaciRole> raci = new LinkedHashMap<>();
        raci.put(accountable.code(), RaciRole.ACCOUNTABLE);
        contributors.forEach(a -> raci.put(a.department().code(), a.role()));
        return raci;
    }

    public long version() {
        return version;
    }
}
