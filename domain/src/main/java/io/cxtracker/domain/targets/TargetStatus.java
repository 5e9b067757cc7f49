package io.cxtracker.domain.targets;

import java.time.LocalDate;

/** A target with its verdict on a day: RAG, current value, forecast at the due date, progress and why. */
public record TargetStatus(TargetSummary target, LocalDate asOf, TargetEvaluation evaluation) {
}
