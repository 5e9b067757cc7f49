package io.cxtracker.domain.alert;

import io.cxtracker.domain.targets.Rag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A target's changes that its milestones' Accountable and Informed departments hear of: it turned amber or
 * red, or its data went stale (no reading in its window: no data), compared with what the last evaluation
 * saw; and its forecast crossed from reaching the target to missing it. A target seen for the first time
 * counts as coming from green and reaching (so a program that starts in trouble says so once); seeing the
 * same state again raises nothing.
 */
public final class TargetWatchRule {
    private static final TargetWatch FIRST_SIGHT = new TargetWatch(Rag.GREEN, true);

    public List<NewAlert> evaluate(TargetAlertFacts target, Optional<TargetWatch> before, LocalDate today) {
        TargetWatch was = before.orElse(FIRST_SIGHT);
        TargetWatch now = target.now();
        List<NewAlert> alerts = new ArrayList<>();
        if (now.rag() != was.rag() && now.rag() != Rag.GREEN) {
            String title = now.rag() == Rag.NO_DATA
                    ? "No data: " + target.name()
                    : "Target turned " + now.rag().name().toLowerCase() + ": " + target.name();
            String body = "Target " + target.name() + " went from " + label(was.rag()) + " to " + label(now.rag())
                    + ". " + target.reason();
            String period = now.rag() + "@" + today;
            target.watchers().forEach(audience -> alerts.add(new NewAlert(AlertKind.TARGET_STATUS, "target",
                    target.id(), audience, period, title, body, link(target), null)));
        }
        if (was.reaching() && !now.reaching() && now.rag() != Rag.NO_DATA) {
            String body = "The forecast for " + target.name() + " no longer reaches the target by its due day. "
                    + target.reason();
            String period = "missing@" + today;
            target.watchers().forEach(audience -> alerts.add(new NewAlert(AlertKind.FORECAST_MISSING, "target",
                    target.id(), audience, period, "Forecast misses: " + target.name(), body, link(target), null)));
        }
        return alerts;
    }

    private static String link(TargetAlertFacts target) {
        return "metrics";
    }

    private static String label(Rag rag) {
        return rag == Rag.NO_DATA ? "no data" : rag.name().toLowerCase();
    }
}
