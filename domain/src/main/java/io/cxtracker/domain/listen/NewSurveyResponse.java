package io.cxtracker.domain.listen;

import java.time.Instant;

/**
 * One survey answer as a survey tool submits it; checked field by field by {@link SurveyIngestionService}.
 *
 * @param kind NPS, CSAT or CES
 * @param departmentCode null when the answer is not attributed to a department
 * @param channel null when the tool does not say (e.g. email, chat, phone)
 * @param source who collected it (e.g. {@code qualtrics}); null for the sending client's own name
 * @param idempotencyKey the sender's key: an answer resent with the same key (and source) is a duplicate
 */
public record NewSurveyResponse(String kind, Integer score, Instant answeredAt, String channel, String departmentCode,
        String comment, String source, String idempotencyKey) {
}
