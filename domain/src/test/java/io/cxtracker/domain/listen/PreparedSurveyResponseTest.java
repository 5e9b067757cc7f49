package io.cxtracker.domain.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cxtracker.domain.metric.CesScale;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.FieldViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PreparedSurveyResponseTest {
    private final Function<NewSurveyResponse, PreparedSurveyResponse> prepare = PreparedSurveyResponse.preparer("survey-tool",
            new SurveyReadingConversion(ZoneId.of("Europe/Paris"), CesScale.ONE_TO_SEVEN));

    @Test
    void anAnswerIsReadWithItsSourceItsStrippedFieldsAndItsDayInTheCompanysZone() {
        // 23:30 UTC on 28 February is 00:30 on 1 March in Paris (UTC+1 in winter)
        PreparedSurveyResponse prepared = prepare.apply(new NewSurveyResponse(" nps", 9,
                Instant.parse("2026-02-28T23:30:00Z"), " chat ", "support", "fine", null, " k-1 "));

        assertEquals(SurveyKind.NPS, prepared.kind());
        assertEquals("survey-tool", prepared.source());
        assertEquals(LocalDate.parse("2026-03-01"), prepared.day());
        assertEquals(new SurveyResponse(SurveyKind.NPS, 9, Instant.parse("2026-02-28T23:30:00Z"), "chat",
                new DepartmentCode("support"), "fine", "k-1"), prepared.response());
        assertEquals(List.of(), prepared.violations());
    }

    @Test
    void aSourceGivenIsStrippedAndNoDepartmentIsNone() {
        PreparedSurveyResponse prepared = prepare.apply(new NewSurveyResponse("CSAT", 4,
                Instant.parse("2026-03-01T10:00:00Z"), null, " ", null, " medallia ", "k-2"));

        assertEquals("medallia", prepared.source());
        assertNull(prepared.response().department());
        assertNull(prepared.response().channel());
    }

    @Test
    void theAnswersOwnViolationsComeInTheOrderOfItsFieldsThenTheScale() {
        PreparedSurveyResponse bad = prepare.apply(new NewSurveyResponse("NPS", 3, Instant.parse("2026-03-01T10:00:00Z"),
                "Chat!", "support", null, null, " "));
        assertNull(bad.response());
        assertNull(bad.day());
        assertEquals(List.of("channel", "idempotencyKey"), bad.violations().stream().map(FieldViolation::field).toList());

        PreparedSurveyResponse offScale = prepare.apply(new NewSurveyResponse("CES", 8, Instant.parse("2026-03-01T10:00:00Z"),
                null, null, null, null, "k-3"));
        assertEquals(List.of(new FieldViolation("score", "a CES score is 1 to 7, was 8")), offScale.violations());
    }

    @Test
    void anUnknownKindOrAMalformedDepartmentCodeLeavesTheirChecksToTheService() {
        PreparedSurveyResponse unknown = prepare.apply(new NewSurveyResponse("STARS", 4, Instant.parse("2026-03-01T10:00:00Z"),
                null, "Not A Code", null, null, "k-4"));
        assertNull(unknown.kind());
        // the answer's own check of the kind; the service names the kind's violation first, and a field keeps its first
        assertEquals(List.of(new FieldViolation("kind", "is required: one of NPS, CSAT, CES")), unknown.violations());
    }

    @Test
    void noItemIsNoPreparedItem() {
        assertNull(prepare.apply(null));
    }
}
