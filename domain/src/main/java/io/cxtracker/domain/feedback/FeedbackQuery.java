package io.cxtracker.domain.feedback;

import io.cxtracker.domain.department.Department;
import java.time.Instant;

/**
 * Which feedback items to list or group; every part may be null for "any".
 *
 * @param from first instant included
 * @param to first instant excluded
 */
public record FeedbackQuery(Theme theme, Department department, FeedbackChannel channel, Instant from, Instant to) {
}
