package io.cxtracker.domain.alert;

import io.cxtracker.domain.security.Role;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The executives' weekly digest of the program: what changed (check-ins in the last seven days), what
 * newly went at risk (targets that turned amber, red or no data this week), what is overdue, and the best
 * movers (the targets that gained most of their way from baseline to target over the week). One per ISO
 * week, whichever day and however often it is composed.
 */
public final class WeeklyDigest {
    static final int LISTED = 5;

    /**
     * The week's facts.
     *
     * @param checkIns check-ins recorded in the seven days up to today
     * @param newAtRisk titles of what turned amber, red or no data this week
     * @param overdue the milestones past due and not finished
     * @param movers each target's gain in progress (share of the way to target, 0.25 = a quarter) over the week
     */
    public record Facts(int checkIns, List<String> newAtRisk, List<MilestoneAlertFacts> overdue, List<Mover> movers) {
        public Facts {
            newAtRisk = List.copyOf(newAtRisk);
            overdue = List.copyOf(overdue);
            movers = List.copyOf(movers);
        }
    }

    /** A target's gain over the week. */
    public record Mover(String name, double gain) {
        public Mover {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The ISO week of {@code day}, e.g. {@code 2026-W49}: the digest's period. */
    public static String week(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday the week starts on. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    public NewAlert compose(long programId, String programName, Facts facts, LocalDate today) {
        StringBuilder body = new StringBuilder();
        body.append("What changed: ").append(facts.checkIns()).append(facts.checkIns() == 1 ? " check-in" : " check-ins")
                .append(" in the last seven days.\n");
        body.append("New at risk: ").append(facts.newAtRisk().size());
        facts.newAtRisk().stream().limit(LISTED).forEach(t -> body.append("\n  - ").append(t));
        body.append("\nOverdue: ").append(facts.overdue().size());
        facts.overdue().stream()
                .sorted(Comparator.comparing(MilestoneAlertFacts::due).thenComparingLong(MilestoneAlertFacts::id))
                .limit(LISTED)
                .forEach(m -> body.append("\n  - ").append(m.title()).append(" (").append(m.ownerDepartment())
                        .append(", due ").append(m.due()).append(')'));
        List<Mover> best = facts.movers().stream().filter(m -> m.gain() > 0)
                .sorted(Comparator.comparingDouble(Mover::gain).reversed().thenComparing(Mover::name))
                .limit(LISTED).toList();
        body.append("\nBest movers: ").append(best.isEmpty() ? "none this week" : best.stream()
                .map(m -> m.name() + " +" + Math.round(m.gain() * 100) + " pts")
                .collect(Collectors.joining(", ")));
        return new NewAlert(AlertKind.WEEKLY_DIGEST, "program", programId, Audience.role(Role.EXECUTIVE), week(today),
                "Weekly digest " + week(today) + ": " + programName, body.toString(), "dashboard", null);
    }
}
