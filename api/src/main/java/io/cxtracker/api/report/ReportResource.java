package io.cxtracker.api.report;

import io.cxtracker.api.audit.TimeParameters;
import io.cxtracker.api.audit.CheckpointVerificationResponse;
import io.cxtracker.domain.audit.CheckpointService;
import io.cxtracker.domain.report.ReportDigest;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportService;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("reports")
@RequestScoped
@Tag(name = "reports", description = "Accountability reports (CSV, XLSX, PDF, JSON) and their verification")
public class ReportResource {
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";
    /** For a wildcard Accept: JSON first, as everywhere in the API. */
    private static final List<ReportFormat> PREFERENCE = List.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.XLSX,
            ReportFormat.PDF);

    @Inject
    ReportService reports;

    @Inject
    CheckpointService checkpoints;

    @Context
    HttpHeaders headers;

    @GET
    @Path("accountability")
    @Produces({MediaType.APPLICATION_JSON, CSV, XLSX, PDF})
    @Operation(operationId = "exportAccountabilityReport", summary = "The accountability report of a department (or all) for a period, streamed",
            description = "Format by 'format' (csv, xlsx, pdf, json), else by Accept. Each output carries generated-at, "
                    + "generated-by and a SHA-256 digest; the server records the digest of the file it sent, for "
                    + "POST /api/reports/verify.")
    @APIResponse(responseCode = "200", description = "The report, streamed")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins export reports")
    @APIResponse(responseCode = "404", description = "No such department")
    public Response accountability(
            @Parameter(description = "department code; all departments when absent") @QueryParam("department") String department,
            @Parameter(description = "first day (UTC), inclusive; default a year before 'to'") @QueryParam("from") String from,
            @Parameter(description = "last day (UTC), inclusive; default today") @QueryParam("to") String to,
            @Parameter(description = "csv, xlsx, pdf or json; overrides Accept") @QueryParam("format") String format) {
        Violations violations = new Violations();
        LocalDate first = TimeParameters.day(violations, "from", from);
        LocalDate last = TimeParameters.day(violations, "to", to);
        ReportFormat chosen = violations.capture(() -> chooseFormat(format, headers.getAcceptableMediaTypes()));
        violations.throwIfAny();
        ReportHeader header = reports.prepare(department, first, last, chosen);
        StreamingOutput body = out -> reports.export(header, out);
        String type = chosen == ReportFormat.CSV ? CSV + ";charset=UTF-8" : chosen.mediaType();
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + header.fileName() + "\"")
                .header("X-Report-Id", header.reportId().toString())
                .build();
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyReport", summary = "Is this uploaded file (form field 'file') a report the server produced, unaltered? Which?")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "No file")
    public ReportVerificationResponse verifyForm(@FormParam("file") EntityPart file) {
        if (file == null) {
            throw new InvalidInputException("file", "is required: the report to check, as form field 'file'");
        }
        return verify(file.getContent());
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyReport", summary = "Is this request body a report the server produced, unaltered? Which?")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "An empty body")
    public ReportVerificationResponse verifyBody(InputStream body) {
        return verify(body);
    }

    @GET
    @Path("{reportId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReport", summary = "What the server recorded about a report it produced: its digests, author, scope and period")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such report")
    public ReportRecordResponse get(@PathParam("reportId") String reportId) {
        UUID id;
        try {
            id = UUID.fromString(reportId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reportId", "must be a UUID");
        }
        return ReportRecordResponse.of(reports.get(id));
    }

    private ReportVerificationResponse verify(InputStream content) {
        String sha256 = content == null ? null : UploadDigest.of(content);
        if (sha256 == null) {
            throw new InvalidInputException("file", "is empty");
        }
        ReportDigest match = reports.verify(sha256).orElse(null);
        CheckpointVerificationResponse checkpoint = match == null || match.checkpointId() == null ? null
                : CheckpointVerificationResponse.of(checkpoints.verify(match.checkpointId()));
        return ReportVerificationResponse.of(sha256, match, checkpoint);
    }

    /** {@code format} wins; else the first acceptable media type (by quality) that one of the formats matches. */
    static ReportFormat chooseFormat(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            return ReportFormat.byName(format)
                    .orElseThrow(() -> new InvalidInputException("format", "must be one of csv, xlsx, pdf, json"));
        }
        for (MediaType wanted : acceptable) {
            for (ReportFormat candidate : PREFERENCE) {
                String[] type = candidate.mediaType().split("/", 2);
                if (wanted.isCompatible(new MediaType(type[0], type[1]))) {
                    return candidate;
                }
            }
        }
        return ReportFormat.JSON;
    }
}
