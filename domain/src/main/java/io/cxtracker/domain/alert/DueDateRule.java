package io.cxtracker.domain.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Due soon and overdue: an unfinished milestone within {@code dueSoonDays} of its due day (the due day
 * itself included) is due soon; past it, overdue. Both go to the Accountable department's leads, once per
 * due day: moving the due day makes a new alert.
 */
public final class DueDateRule {
    private final int dueSoonDays;

    public DueDateRule(AlertSettings settings) {
        this.dueSoonDays = settings.dueSoonDays();
    }

    public List<NewAlert> evaluate(MilestoneAlertFacts milestone, LocalDate today) {
        if (milestone.isFinished()) {
            return List.of();
        }
        long daysLeft = ChronoUnit.DAYS.between(today, milestone.due());
        AlertKind kind;
        String body;
        if (daysLeft < 0) {
            kind = AlertKind.OVERDUE;
            body = "\"" + milestone.title() + "\" was due on " + milestone.due() + " (" + -daysLeft
                    + (daysLeft == -1 ? " day" : " days") + " ago) and is not done.";
        } else if (daysLeft <= dueSoonDays) {
            kind = AlertKind.DUE_SOON;
            body = "\"" + milestone.title() + "\" is due on " + milestone.due()
                    + (daysLeft == 0 ? " (today)." : " (in " + daysLeft + (daysLeft == 1 ? " day)." : " days)."));
        } else {
            return List.of();
        }
        String title = (kind == AlertKind.OVERDUE ? "Overdue: " : "Due soon: ") + milestone.title();
        return milestone.raci().answerable().stream()
                .map(audience -> new NewAlert(kind, "milestone", milestone.id(), audience, milestone.due().toString(),
                        title, body, milestone.link(), null))
                .toList();
    }
}
