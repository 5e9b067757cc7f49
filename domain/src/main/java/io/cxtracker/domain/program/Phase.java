package io.cxtracker.domain.program;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A stage of the program (Transform, Optimize, Sustain by default), part of the Program aggregate. */
@Entity
@Table(name = "phase")
public class Phase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id", nullable = false, updatable = false)
    private Program program;

    /** 1 for the first phase. */
    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "name", nullable = false, length = PhasePlan.NAME_MAX_LENGTH)
    private String name;

    @Column(name = "start_date", nullable = false)
    private LocalDate start;

    @Column(name = "end_date", nullable = false)
    private LocalDate end;

    protected Phase() {
        // for JPA
    }

    Phase(Program program, int number, PhasePlan plan) {
        this.program = program;
        this.number = number;
        this.name = plan.name().strip();
        this.start = plan.start();
        this.end = plan.end();
    }

    public Long id() {
        return id;
    }

    public Program program() {
        return program;
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    public LocalDate start() {
        return start;
    }

    /** The last day of the phase (included). */
    public LocalDate end() {
        return end;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
