package io.cxtracker.domain.review;

import io.cxtracker.domain.targets.Rag;

/**
 * A linked target's RAG at the two instants.
 *
 * @param departmentCode null for the whole company
 * @param from {@link Rag#NO_DATA} when the target did not exist yet
 * @param reason the verdict's sentence at the second instant
 */
public record RagChange(long targetId, String metricKey, String departmentCode, Rag from, Rag to, String reason) {
}
