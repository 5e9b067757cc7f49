package io.cxtracker.domain.listen;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.Metric;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A checked survey answer as it is stored raw: the answer, who sent it, the metric it feeds and the day
 * (in the company's zone) whose reading it counts in.
 *
 * @param department null when not attributed to a department
 */
public record RecordedSurveyResponse(SurveyResponse response, String source, Metric metric, Department department,
        LocalDate day, Instant receivedAt) {

    public RecordedSurveyResponse {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
