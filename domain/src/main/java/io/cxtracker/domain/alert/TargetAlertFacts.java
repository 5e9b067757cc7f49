package io.cxtracker.domain.alert;

import java.util.List;
import java.util.Objects;

/**
 * A target as the watch rule sees it today: its verdict, and the RACI of every milestone it proves.
 *
 * @param departmentCode null for the whole company
 * @param watchers the audiences of the milestones linked to the target; for a target no milestone proves,
 *        the leads of its department (none for a company-wide target)
 */
public record TargetAlertFacts(long id, String metricKey, String departmentCode, TargetWatch now, String reason,
        List<Audience> watchers) {

    public TargetAlertFacts {
        Objects.requireNonNull(now, "now");
        watchers = List.copyOf(watchers);
    }

    public String name() {
        return metricKey + (departmentCode == null ? "" : " (" + departmentCode + ")");
    }
}
