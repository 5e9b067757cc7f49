package io.cxtracker.domain.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SurveyKindTest {

    @Test
    void aKindIsReadWhateverItsCaseAndTheBlanksAroundIt() {
        assertEquals(Optional.of(SurveyKind.NPS), SurveyKind.parse("NPS"));
        assertEquals(Optional.of(SurveyKind.NPS), SurveyKind.parse(" nps "));
        assertEquals(Optional.of(SurveyKind.CSAT), SurveyKind.parse("Csat"));
        assertEquals(Optional.of(SurveyKind.CES), SurveyKind.parse("CES\t"));
    }

    @Test
    void anythingElseIsNoKind() {
        assertEquals(Optional.empty(), SurveyKind.parse(null));
        assertEquals(Optional.empty(), SurveyKind.parse(""));
        assertEquals(Optional.empty(), SurveyKind.parse("NPS2"));
        assertEquals(Optional.empty(), SurveyKind.parse("MEAN_SCORE"));
    }
}
