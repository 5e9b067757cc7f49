package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.CesScale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyReadingConversionTest {
    private static final DepartmentCode SUPPORT = new DepartmentCode("support");
    private static final DepartmentCode BILLING = new DepartmentCode("billing");
    private final SurveyReadingConversion conversion =
            new SurveyReadingConversion(ZoneId.of("Europe/Berlin"), CesScale.ONE_TO_TEN);
    private int sequence;

    private SurveyResponse answer(SurveyKind kind, int score, String at, DepartmentCode dept, String channel) {
        return new SurveyResponse(kind, score, Instant.parse(at), channel, dept, null, "key-" + (sequence++));
    }

    @Test
    void npsAnswersOfOneDayBecomeOneReadingWithExactCounts() {
        List<SurveyResponse> answers = new ArrayList<>();
        // 11 answers on 2027-03-01 for support by email: scores 10,10,9,9,9 (5 promoters), 8,7 (2 passives),
        // 6,3,0,5 (4 detractors) → NPS = 100 × (5 − 4) / 11 = 9.0909…
        for (int score : new int[] {10, 10, 9, 9, 9, 8, 7, 6, 3, 0, 5}) {
            answers.add(answer(SurveyKind.NPS, score, "2027-03-01T09:00:00Z", SUPPORT, "email"));
        }
        var readings = conversion.toReadings(answers);
        assertEquals(1, readings.size());
        assertEquals(new NpsStatistics(5, 2, 4), readings.get(0).statistics());
        assertEquals(11, readings.get(0).responses());
        assertEquals(100.0 * (5 - 4) / 11, readings.get(0).statistics().value().getAsDouble(), 1e-12);
    }

    @Test
    void csatCountsFourAndFiveAsSatisfied() {
        // scores 5,4,4,3,1 → 3 satisfied of 5 → CSAT 60
        var readings = conversion.toReadings(List.of(
                answer(SurveyKind.CSAT, 5, "2027-03-01T10:00:00Z", SUPPORT, "chat"),
                answer(SurveyKind.CSAT, 4, "2027-03-01T11:00:00Z", SUPPORT, "chat"),
                answer(SurveyKind.CSAT, 4, "2027-03-01T12:00:00Z", SUPPORT, "chat"),
                answer(SurveyKind.CSAT, 3, "2027-03-01T13:00:00Z", SUPPORT, "chat"),
                answer(SurveyKind.CSAT, 1, "2027-03-01T14:00:00Z", SUPPORT, "chat")));
        assertEquals(new CsatStatistics(3, 5), readings.get(0).statistics());
        assertEquals(60.0, readings.get(0).statistics().value().getAsDouble(), 1e-12);
    }

    @Test
    void cesIsTheMeanScoreOfTheAnswers() {
        // 100 answers: 80 × 9 and 20 × 8 → sum 720 + 160 = 880 over 100 = 8.8 (the seed's example)
        List<SurveyResponse> answers = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            answers.add(answer(SurveyKind.CES, 9, "2027-03-02T08:00:00Z", BILLING, "phone"));
        }
        for (int i = 0; i < 20; i++) {
            answers.add(answer(SurveyKind.CES, 8, "2027-03-02T08:30:00Z", BILLING, "phone"));
        }
        var reading = conversion.toReadings(answers).get(0);
        assertEquals(new MeanScoreStatistics(880, 100), reading.statistics());
        assertEquals(8.8, reading.statistics().value().getAsDouble(), 1e-12);
    }

    @Test
    void dayDepartmentAndChannelSplitReadingsAndTheCompanyZoneDecidesTheDay() {
        var readings = conversion.toReadings(List.of(
                // 23:30 UTC on 1 March is 00:30 on 2 March in Berlin
                answer(SurveyKind.NPS, 10, "2027-03-01T23:30:00Z", SUPPORT, "email"),
                answer(SurveyKind.NPS, 0, "2027-03-01T12:00:00Z", SUPPORT, "email"),
                answer(SurveyKind.NPS, 10, "2027-03-01T12:00:00Z", BILLING, "email"),
                answer(SurveyKind.NPS, 10, "2027-03-01T12:00:00Z", SUPPORT, "chat")));
        assertEquals(4, readings.size());
        assertEquals(LocalDate.parse("2027-03-01"), readings.get(0).key().day());
        assertEquals(LocalDate.parse("2027-03-02"), readings.get(3).key().day());
        assertEquals(new NpsStatistics(1, 0, 0), readings.get(3).statistics());
    }

    @Test
    void scoresOffTheScaleAreRefusedNamingTheField() {
        var npsEleven = answer(SurveyKind.NPS, 11, "2027-03-01T12:00:00Z", SUPPORT, "email");
        var e = assertThrows(InvalidInputException.class, () -> conversion.statisticsOf(npsEleven));
        assertEquals("score", e.violations().get(0).field());
        var csatZero = answer(SurveyKind.CSAT, 0, "2027-03-01T12:00:00Z", SUPPORT, "email");
        assertThrows(InvalidInputException.class, () -> conversion.statisticsOf(csatZero));
        var cesEight = answer(SurveyKind.CES, 8, "2027-03-01T12:00:00Z", SUPPORT, "email");
        var onSeven = new SurveyReadingConversion(ZoneId.of("UTC"), CesScale.ONE_TO_SEVEN);
        assertThrows(InvalidInputException.class, () -> onSeven.statisticsOf(cesEight));
    }

    @Test
    void aResponseWithSeveralBadFieldsNamesThemAll() {
        var e = assertThrows(InvalidInputException.class,
                () -> new SurveyResponse(null, 5, null, "Not A Channel", SUPPORT, null, " "));
        assertEquals(List.of("kind", "answeredAt", "channel", "idempotencyKey"),
                e.violations().stream().map(v -> v.field()).toList());
    }
}
