package io.cxtracker.ui.dashboard;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.PendingRequest;
import io.cxtracker.domain.milestone.RequestedChange;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.TargetStatusView;
import io.cxtracker.domain.rollup.StatusHealth;
import io.cxtracker.domain.targets.TargetEvaluation;
import io.cxtracker.ui.shared.Views;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Says in words why a milestone shows its status: which target, how far from it, what the forecast says. */
public final class Reasons {

    private Reasons() {
    }

    public static String why(MilestoneStatusView view) {
        List<String> parts = new ArrayList<>();
        for (PendingRequest p : view.pending()) {
            parts.add(pending(view, p));
        }
        if (view.isOverridden()) {
            parts.add("Set to " + Views.statusText(view.status()).toLowerCase() + " by " + view.override().by()
                    + ": " + view.override().reason() + " (evidence says " + Views.statusText(view.derived()).toLowerCase() + ")");
        }
        for (TargetStatusView t : view.targets()) {
            if (StatusHealth.of(view.status()) == StatusHealth.HEALTHY && t.evaluation().met()) {
                continue;
            }
            parts.add(target(t));
        }
        if (view.status() == MilestoneStatus.OVERDUE) {
            long days = ChronoUnit.DAYS.between(view.due(), view.asOf());
            parts.add("Due " + view.due() + ", " + days + " day" + (days == 1 ? "" : "s") + " ago and not done");
        } else if (view.targets().isEmpty() && !view.isOverridden()) {
            parts.add(switch (view.status()) {
                case AT_RISK -> "The department reported it at risk in its last check-in";
                case BLOCKED -> "The department reported it blocked in its last check-in";
                case NOT_STARTED -> "No check-in yet";
                default -> "Last check-in: " + Views.statusText(view.status()).toLowerCase();
            });
        }
        return String.join(". ", parts);
    }

    /** "Override requested: at risk, by lead-support (waiting for approval)" — it does not count until approved. */
    public static String pending(MilestoneStatusView view, PendingRequest p) {
        if (p.change() == RequestedChange.OVERRIDE_STATUS) {
            return "Override requested: " + Views.statusText(p.requestedStatus()).toLowerCase() + ", by " + p.requestedBy()
                    + " (waiting for approval)";
        }
        String target = view.targets().stream().filter(t -> t.targetId() == p.targetId()).findFirst()
                .map(t -> t.metricKey() + (t.departmentCode() == null ? "" : " (" + t.departmentCode() + ")"))
                .orElse("target " + p.targetId());
        return "Unlink requested: " + target + ", by " + p.requestedBy() + " (waiting for approval)";
    }

    /** "NPS (support): 31 now vs target 40 from 25 (56% of the way); forecast 36 by 2026-12-31 — reason". */
    public static String target(TargetStatusView t) {
        TargetEvaluation e = t.evaluation();
        StringBuilder text = new StringBuilder(t.metricKey());
        if (t.departmentCode() != null) {
            text.append(" (").append(t.departmentCode()).append(')');
        }
        text.append(": ").append(Views.number(e.current())).append(" now vs target ").append(Views.number(t.targetValue()))
                .append(" from baseline ").append(Views.number(t.baseline()));
        if (e.progress().isPresent()) {
            text.append(" (").append(Math.round(e.progress().getAsDouble() * 100)).append("% of the way)");
        }
        if (e.forecast().isPresent()) {
            text.append("; forecast ").append(Views.number(e.forecast())).append(" by ").append(t.due());
        }
        return text.append(" — ").append(e.reason()).toString();
    }

    static String shortDue(LocalDate due) {
        return due.toString();
    }

    static String joined(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
