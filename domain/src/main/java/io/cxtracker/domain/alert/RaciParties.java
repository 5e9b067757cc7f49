package io.cxtracker.domain.alert;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The departments of an initiative by RACI role, as the alert rules need them: who does the work
 * (the milestone's owner and the Responsible departments), who answers for it (Accountable) and who
 * only hears of it (Informed). Consulted departments get no alerts.
 */
public record RaciParties(String accountable, Set<String> responsible, Set<String> informed) {

    public RaciParties {
        Objects.requireNonNull(accountable, "accountable");
        responsible = Set.copyOf(responsible);
        informed = Set.copyOf(informed);
    }

    /** Check-in reminders: the leads of the owner department and of every Responsible department. */
    public List<Audience> doers(String ownerDepartment) {
        Set<String> departments = new LinkedHashSet<>();
        departments.add(ownerDepartment);
        departments.addAll(responsible.stream().sorted().toList());
        return departments.stream().map(Audience::leadsOf).toList();
    }

    /** Due and overdue: the Accountable department's leads. */
    public List<Audience> answerable() {
        return List.of(Audience.leadsOf(accountable));
    }

    /** Status changes: Accountable and Informed. */
    public List<Audience> statusWatchers() {
        Set<String> departments = new LinkedHashSet<>();
        departments.add(accountable);
        departments.addAll(informed.stream().sorted().toList());
        return departments.stream().map(Audience::leadsOf).toList();
    }
}
