package io.cxtracker.domain.program;

import io.cxtracker.domain.shared.Violations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One phase as planned: a name and the days it covers, both ends included. Checked as a whole by
 * {@link #check}: phases follow each other without gap or overlap from the program's start, so every
 * day of the program belongs to exactly one phase.
 */
public record PhasePlan(String name, LocalDate start, LocalDate end) {
    public static final int NAME_MAX_LENGTH = 60;
    public static final int MAX_PHASES = 12;
    public static final List<String> DEFAULT_NAMES = List.of("Transform", "Optimize", "Sustain");

    /** The default plan: three phases of one year each, Transform, Optimize and Sustain. */
    public static List<PhasePlan> defaults(LocalDate programStart) {
        List<PhasePlan> phases = new ArrayList<>();
        for (int i = 0; i < DEFAULT_NAMES.size(); i++) {
            LocalDate start = programStart.plusYears(i);
            phases.add(new PhasePlan(DEFAULT_NAMES.get(i), start, programStart.plusYears(i + 1L).minusDays(1)));
        }
        return List.copyOf(phases);
    }

    /** Adds a violation, under {@code phases[i].field}, for every rule the plan breaks. */
    static void check(LocalDate programStart, List<PhasePlan> phases, Violations violations) {
        if (phases == null || phases.isEmpty()) {
            violations.add("phases", "must hold at least one phase");
            return;
        }
        if (phases.size() > MAX_PHASES) {
            violations.add("phases", "must hold at most " + MAX_PHASES + " phases");
            return;
        }
        Set<String> names = new HashSet<>();
        LocalDate expectedStart = programStart;
        for (int i = 0; i < phases.size(); i++) {
            String at = "phases[" + i + "]";
            PhasePlan phase = phases.get(i);
            if (phase == null) {
                violations.add(at, "must be given");
                expectedStart = null;
                continue;
            }
            String name = violations.requiredText(at + ".name", phase.name(), NAME_MAX_LENGTH);
            if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
                violations.add(at + ".name", "must differ from the other phases' names");
            }
            violations.required(at + ".start", phase.start());
            violations.required(at + ".end", phase.end());
            if (phase.start() != null && phase.end() != null && phase.end().isBefore(phase.start())) {
                violations.add(at + ".end", "must not be before the phase's start " + phase.start());
            }
            if (phase.start() != null && expectedStart != null && !phase.start().equals(expectedStart)) {
                violations.add(at + ".start", i == 0
                        ? "must be the program's start date " + expectedStart
                        : "must be " + expectedStart + ", the day after the previous phase ends");
            }
            expectedStart = phase.end() == null ? null : phase.end().plusDays(1);
        }
    }
}
