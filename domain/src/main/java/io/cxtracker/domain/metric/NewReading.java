package io.cxtracker.domain.metric;

import java.time.LocalDate;

/**
 * One reading as a sender submits it.
 *
 * @param departmentCode null when not attributed to a department
 * @param channel null for all channels
 * @param source who measured it (e.g. {@code genesys}); null for the sending client's own name
 * @param idempotencyKey the sender's key: a reading resent with the same key (same metric and source) is a duplicate
 */
public record NewReading(String metricKey, LocalDate day, String departmentCode, String channel,
        StatisticsInput statistics, String source, String idempotencyKey) {
}
