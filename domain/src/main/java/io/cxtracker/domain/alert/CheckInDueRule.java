package io.cxtracker.domain.alert;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Check-in due: a milestone under way whose latest check-in is {@code checkInDays} or more old reminds
 * the leads who do the work (owner and Responsible departments). Each further {@code checkInDays}
 * without a check-in is a new reminder (the period is the latest check-in's day and the cycle number), so
 * the same silence is never reminded twice and a new check-in starts over.
 */
public final class CheckInDueRule {
    private final int checkInDays;

    public CheckInDueRule(AlertSettings settings) {
        this.checkInDays = settings.checkInDays();
    }

    public List<NewAlert> evaluate(MilestoneAlertFacts milestone, LocalDate today) {
        if (!milestone.isUnderWay()) {
            return List.of();
        }
        long silent = ChronoUnit.DAYS.between(milestone.lastCheckIn(), today);
        if (silent < checkInDays) {
            return List.of();
        }
        long cycle = silent / checkInDays;
        String period = milestone.lastCheckIn() + "#" + cycle;
        String title = "Check-in due: " + milestone.title();
        String body = "No check-in for " + silent + " days (the last one was on " + milestone.lastCheckIn()
                + "); please report where \"" + milestone.title() + "\" stands.";
        return milestone.raci().doers(milestone.ownerDepartment()).stream()
                .map(audience -> new NewAlert(AlertKind.CHECK_IN_DUE, "milestone", milestone.id(), audience, period,
                        title, body, milestone.link(), null))
                .toList();
    }
}
