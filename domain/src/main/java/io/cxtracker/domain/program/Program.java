package io.cxtracker.domain.program;

import io.cxtracker.domain.shared.Violations;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The multi-year CX transformation, e.g. "CX Transformation 2026–2028": a name, a start date and its
 * phases, which cover the program day by day from the start to the end of the last phase.
 */
@Entity
@Table(name = "program")
public class Program {
    public static final int NAME_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(name = "start_date", nullable = false, updatable = false)
    private LocalDate start;

    @OneToMany(mappedBy = "program", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<Phase> phases = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Program() {
        // for JPA
    }

    /**
     * @param phases the phases in order; null or empty for the default three one-year phases
     * @throws io.cxtracker.domain.shared.InvalidInputException naming every bad field
     */
    public Program(String name, LocalDate start, List<PhasePlan> phases) {
        Violations violations = new Violations();
        String checkedName = violations.requiredText("name", name, NAME_MAX_LENGTH);
        violations.required("startDate", start);
        List<PhasePlan> plan = phases == null || phases.isEmpty()
                ? (start == null ? List.of() : PhasePlan.defaults(start))
                : phases;
        if (start != null) {
            PhasePlan.check(start, plan, violations);
        }
        violations.throwIfAny();
        this.name = checkedName;
        this.start = start;
        for (int i = 0; i < plan.size(); i++) {
            this.phases.add(new Phase(this, i + 1, plan.get(i)));
        }
    }

    public static Program withDefaultPhases(String name, LocalDate start) {
        return new Program(name, start, null);
    }

    public void rename(String newName) {
        Violations violations = new Violations();
        String checked = violations.requiredText("name", newName, NAME_MAX_LENGTH);
        violations.throwIfAny();
        this.name = checked;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LocalDate start() {
        return start;
    }

    /** The last day of the program: the end of its last phase. */
    public LocalDate end() {
        return phases.get(phases.size() - 1).end();
    }

    public List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** The phase with the given number, 1 for the first. */
    public Optional<Phase> phase(int number) {
        return phases.stream().filter(p -> p.number() == number).findFirst();
    }

    /** The phase a day falls into; empty when the day is outside the program. */
    public Optional<Phase> phaseOn(LocalDate day) {
        return phases.stream().filter(p -> p.contains(day)).findFirst();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end());
    }

    public long version() {
        return version;
    }
}
