package io.cxtracker.domain.milestone;

import java.time.LocalDate;
import java.util.List;

/** The new plan of a milestone: every field is replaced (null description, evidence or weight clears it). */
public record MilestoneRevision(String title, String description, String ownerDepartment, String ownerPerson,
        LocalDate due, List<String> evidence, Double weight) {
}
