package io.cxtracker.api.imports;

import io.cxtracker.api.problem.Problem;
import io.cxtracker.domain.imports.ImportRejectedException;
import io.cxtracker.domain.imports.ImportReport;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A file with bad rows, imported without validOnly: 422, the report, and nothing stored. */
@Provider
public class ImportRejectedMapper implements ExceptionMapper<ImportRejectedException> {
    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ImportRejectedException e) {
        ImportReport report = e.report();
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        String detail = report.rejected() + " of " + report.rows() + " rows have errors, listed by line; nothing was stored. "
                + "Fix them and import the file again, or import it with validOnly=true to store the "
                + report.accepted() + " valid rows.";
        return Response.status(422).type(Problem.MEDIA_TYPE)
                .entity(ImportProblem.of(detail, instance, ImportResponse.of(report))).build();
    }
}
