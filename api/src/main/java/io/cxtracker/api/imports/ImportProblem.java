package io.cxtracker.api.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cxtracker.api.problem.Problem;

/**
 * The RFC 9457 problem of a file refused for its bad rows, with the whole import report as an extension
 * member, so the caller sees every bad row (line, field, column, reason) in one answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportProblem(String type, String title, int status, String detail, String instance, ImportResponse report) {

    static ImportProblem of(String detail, String instance, ImportResponse report) {
        Problem base = Problem.of("import-has-errors", "The file has rows with errors", 422, detail, instance, null);
        return new ImportProblem(base.type(), base.title(), base.status(), base.detail(), base.instance(), report);
    }
}
