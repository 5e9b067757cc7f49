package io.cxtracker.domain.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A metric target as the accountability report shows it.
 *
 * @param scope the department code, or null for the whole company
 * @param actual the current value over the target's window, null when there is no data
 * @param attainmentPercent progress from baseline to target in percent, null when there is no data
 * @param rag green, amber, red or no data
 */
public record TargetLine(long id, String metricKey, String metricName, String scope, String unit, double baseline,
        double target, Double actual, Double attainmentPercent, LocalDate due, String rag) implements ReportLine {

    @Override
    public ReportSection section() {
        return ReportSection.TARGETS;
    }

    @Override
    public List<List<Object>> rows() {
        return List.of(Arrays.asList(id, metricKey, metricName, scope == null ? "company" : scope, unit, baseline, target,
                actual, attainmentPercent, due, rag));
    }
}
