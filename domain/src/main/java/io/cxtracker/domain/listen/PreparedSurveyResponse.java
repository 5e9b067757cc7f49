package io.cxtracker.domain.listen;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.Violations;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A survey answer checked as far as it can be without the database: what it says, its source, the answer it makes
 * and that answer's day, and the violations of its own fields. {@link SurveyIngestionService} adds the checks that
 * need the database (metric, department) and the batch's time, and decides.
 *
 * @param kind       null when the item names no kind the product knows
 * @param source     the item's source, stripped, or the sender's name when it names none
 * @param response   null when the answer's own checks refused it
 * @param violations the answer's own (field, reason), in the order found: the answer's fields, then its score's scale
 * @param day        the day (in the company's zone) the answer counts in; null with the response
 */
public record PreparedSurveyResponse(NewSurveyResponse item, SurveyKind kind, String source, SurveyResponse response,
        List<FieldViolation> violations, LocalDate day) {

    /**
     * Prepares items one after the other on one thread at a time (it remembers the department codes it read).
     *
     * @param sender the name of the client sending, the source of items that name none
     */
    static Function<NewSurveyResponse, PreparedSurveyResponse> preparer(String sender, SurveyReadingConversion conversion) {
        // a batch names a handful of departments: each code's text is read once
        Map<String, Optional<DepartmentCode>> codes = new HashMap<>();
        return item -> item == null ? null : prepare(item, sender, conversion, text -> codes.computeIfAbsent(text,
                t -> DepartmentCode.isValid(t) ? Optional.of(new DepartmentCode(t)) : Optional.empty()).orElse(null));
    }

    private static PreparedSurveyResponse prepare(NewSurveyResponse item, String sender, SurveyReadingConversion conversion,
            Function<String, DepartmentCode> codeOf) {
        SurveyKind kind = SurveyKind.parse(item.kind()).orElse(null);
        String source = item.source() == null || item.source().isBlank() ? sender : item.source().strip();
        String channel = item.channel() == null || item.channel().isBlank() ? null : item.channel().strip();
        String key = item.idempotencyKey() == null ? null : item.idempotencyKey().strip();
        // the code as given: an answer is stored only when it names that department, whose code it then is
        String code = item.departmentCode();
        DepartmentCode department = code == null || code.isBlank() ? null : codeOf.apply(code);
        Violations own = new Violations();
        SurveyResponse response = own.capture(() -> new SurveyResponse(kind, item.score() == null ? 0 : item.score(),
                item.answeredAt(), channel, department, item.comment(), key));
        if (response != null && kind != null && item.score() != null) {
            own.capture(() -> {
                response.requireScoreOnScale(conversion.cesScale());
                return response;
            });
        }
        LocalDate day = response == null ? null : conversion.keyOf(response).day();
        return new PreparedSurveyResponse(item, kind, source, response, own.isEmpty() ? List.of() : own.list(), day);
    }
}
