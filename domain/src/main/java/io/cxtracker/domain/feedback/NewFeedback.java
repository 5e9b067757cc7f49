package io.cxtracker.domain.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One feedback item as a listening tool (or a lead) submits it.
 *
 * @param channel SURVEY, REVIEW, SOCIAL, CALL, CHAT or EMAIL
 * @param sentiment −1 (very negative) to 1 (very positive)
 * @param themes what it is about: 1 to 10 theme slugs
 * @param departmentCode the department concerned, or null
 * @param receivedAt when the customer said it
 * @param source who captured it; null for the sending client's own name
 * @param idempotencyKey the sender's key: an item resent with the same key (and source) is a duplicate
 */
public record NewFeedback(String channel, String text, Double sentiment, List<String> themes, String departmentCode,
        Instant receivedAt, String source, String idempotencyKey) {
}
