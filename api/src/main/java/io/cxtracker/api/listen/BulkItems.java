package io.cxtracker.api.listen;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.api.problem.Problem;
import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.api.shared.JsonBodyReader;
import io.cxtracker.api.shared.RecordBinder;
import io.cxtracker.domain.listen.BatchReport;
import io.cxtracker.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A bulk body bound item by item: an item of the wrong shape is rejected with its own reasons (the others go
 * on to the service), never the whole batch — unless the body is not a JSON array of 1 to {@code max} items.
 */
final class BulkItems<R extends JsonBody, C> {
    private static final RecordBinder BINDER = JsonBodyReader.standaloneBinder();

    final List<C> commands;
    private final List<List<Problem.FieldError>> shapeErrors;
    private final JsonNode body;

    private BulkItems(JsonNode body, List<C> commands, List<List<Problem.FieldError>> shapeErrors) {
        this.body = body;
        this.commands = commands;
        this.shapeErrors = shapeErrors;
    }

    static <R extends JsonBody, C> BulkItems<R, C> bind(JsonNode body, Class<R> type, int max, String what,
            Function<R, C> command) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of " + what);
        }
        if (body.isEmpty() || body.size() > max) {
            throw new InvalidInputException("body", "must hold 1 to " + max + " " + what + "; split larger batches");
        }
        List<C> commands = new ArrayList<>(body.size());
        List<List<Problem.FieldError>> errors = new ArrayList<>(body.size());
        for (JsonNode item : body) {
            RecordBinder.Result<R> bound = BINDER.bind(item, type, "");
            if (bound.isValid()) {
                commands.add(command.apply(bound.value()));
                errors.add(null);
            } else {
                // a null item is rejected by the service; its reasons are the shape's, given below
                commands.add(null);
                errors.add(bound.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
            }
        }
        return new BulkItems<>(body, commands, errors);
    }

    BatchResponse answer(BatchReport report) {
        List<BatchItemResponse> items = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            items.add(shapeErrors.get(i) == null
                    ? BatchItemResponse.of(report.items().get(i))
                    : BatchItemResponse.rejected(i, keyOf(body.get(i)), shapeErrors.get(i)));
        }
        return new BatchResponse(report.accepted(), report.duplicates(), report.rejected(), items);
    }

    private static String keyOf(JsonNode item) {
        JsonNode key = item == null ? null : item.get("idempotencyKey");
        return key != null && key.isTextual() && key.textValue().length() <= 200 ? key.textValue() : null;
    }
}
