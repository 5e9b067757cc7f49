package io.cxtracker.api.listen;

import io.cxtracker.domain.feedback.Insight;
import io.cxtracker.domain.feedback.InsightTrend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A theme customers talk about: how much, how it feels, whether it grows, when, and whom it concerns. */
public record InsightResponse(
        String theme,
        long volume,
        @Schema(description = "-1..1; null without items") Double meanSentiment,
        @Schema(description = "share (0–1) of items with a sentiment of -0.25 or less") Double negativeShare,
        Instant firstSeen,
        Instant lastSeen,
        @Schema(description = "RISING, STEADY or FALLING: the fitted daily volume's change over the range, ±20 % of its mean")
        InsightTrend.Direction trend,
        @Schema(description = "that change as a share of the mean daily volume") double trendChange,
        List<PeriodResponse> periods,
        List<DepartmentResponse> departments,
        @Schema(description = "commitments answering the theme that are neither done nor dropped") long openCommitments) {

    /** @param end the first day after the period */
    public record PeriodResponse(LocalDate start, LocalDate end, long volume, Double meanSentiment) {
    }

    /** Named apart from the department resource's DepartmentResponse, which would otherwise become "DepartmentResponse1". */
    @Schema(name = "InsightDepartmentVolume", description = "How often one department was named in the theme's feedback")
    public record DepartmentResponse(String departmentCode, long volume) {
    }

    public static InsightResponse of(Insight i) {
        return new InsightResponse(i.theme(), i.volume(), i.meanSentiment(), i.negativeShare(), i.firstSeen(), i.lastSeen(),
                i.trend(), i.trendChange(),
                i.periods().stream().map(p -> new PeriodResponse(p.start(), p.end(), p.volume(), p.meanSentiment())).toList(),
                i.departments().stream().map(d -> new DepartmentResponse(d.departmentCode(), d.volume())).toList(),
                i.openCommitments());
    }
}
