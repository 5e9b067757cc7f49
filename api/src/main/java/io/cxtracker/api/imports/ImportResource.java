package io.cxtracker.api.imports;

import io.cxtracker.domain.imports.ImportFields;
import io.cxtracker.domain.imports.ImportService;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Imports of the CSV exports of contact-center and survey tools. The body streams through: rows are read one
 * at a time and go to the ingestion services in batches, in one transaction. A file with bad rows stores
 * nothing and answers 422 with every bad row (line, field, column, reason), unless {@code validOnly=true}
 * asks to store the valid rows. Importing a file again stores nothing new.
 *
 * <p>Columns: a column named like a field is read as that field; {@code map.<field>=<column>} reads a field
 * from another column, {@code value.<field>=<text>} gives it one value for every row.
 */
@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN})
@Tag(name = "imports", description = "CSV imports of readings and survey answers, all or nothing unless validOnly")
public class ImportResource {
    private static final Set<String> PARAMETERS = Set.of("validOnly", "delimiter");
    private static final String FIELDS_NOTE = " Columns are matched to fields by name; map.<field>=<column> and "
            + "value.<field>=<text> map others.";

    @Inject
    ImportService imports;

    @Context
    UriInfo uri;

    @POST
    @Path("readings")
    @Operation(operationId = "importReadings", summary = "Import metric readings from CSV (metrics-ingest clients, program admins)",
            description = "Fields: metricKey, day, departmentCode, channel, source, idempotencyKey, and the statistics of "
                    + "the metric's kind: promoters, passives, detractors (NPS); satisfied, responses (CSAT); sum, count "
                    + "(mean score); numerator, denominator (ratio); value, weight, at (gauge). Without an idempotencyKey "
                    + "column a row's key is made from its content." + FIELDS_NOTE)
    @APIResponse(responseCode = "200", description = "Imported; the report lists rows, duplicates and (with validOnly) "
            + "the refused rows", content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "Not CSV, a bad parameter, or a mapped column the file lacks")
    @APIResponse(responseCode = "403", description = "Only metrics-ingest clients and program admins import")
    @APIResponse(responseCode = "422", description = "Rows with errors and no validOnly: nothing stored; the report lists them",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ImportProblem.class)))
    public ImportResponse readings(
            @RequestBody(required = true, content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = SchemaType.STRING))) InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "true: store the valid rows of a file with errors") @QueryParam("validOnly") String validOnly,
            @Parameter(description = "the column separator: , (default) ; | or tab") @QueryParam("delimiter") String delimiter)
            throws IOException {
        Options options = options(contentType, validOnly, delimiter);
        ColumnMapping mapping = ColumnMapping.from(uri.getQueryParameters(), ImportFields.READING_FIELDS, PARAMETERS);
        CsvRows rows = CsvRows.open(body, options.charset(), options.delimiter(), mapping, ImportFields.READING_FIELDS);
        rows.missing(List.of("metricKey", "day"));
        return ImportResponse.of(imports.importReadings(rows, options.validOnly()));
    }

    @POST
    @Path("survey-responses")
    @Operation(operationId = "importSurveyResponses", summary = "Import survey answers from CSV (metrics-ingest clients, program admins)",
            description = "Fields: kind (NPS, CSAT, CES), score, answeredAt, channel, departmentCode, comment, source, "
                    + "idempotencyKey. Without an idempotencyKey column a row's key is made from its content."
                    + FIELDS_NOTE)
    @APIResponse(responseCode = "200", description = "Imported; the report lists rows, duplicates and (with validOnly) "
            + "the refused rows", content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "Not CSV, a bad parameter, or a mapped column the file lacks")
    @APIResponse(responseCode = "403", description = "Only metrics-ingest clients and program admins import")
    @APIResponse(responseCode = "422", description = "Rows with errors and no validOnly: nothing stored; the report lists them",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ImportProblem.class)))
    public ImportResponse surveyResponses(
            @RequestBody(required = true, content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = SchemaType.STRING))) InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "true: store the valid rows of a file with errors") @QueryParam("validOnly") String validOnly,
            @Parameter(description = "the column separator: , (default) ; | or tab") @QueryParam("delimiter") String delimiter)
            throws IOException {
        Options options = options(contentType, validOnly, delimiter);
        ColumnMapping mapping = ColumnMapping.from(uri.getQueryParameters(), ImportFields.SURVEY_FIELDS, PARAMETERS);
        CsvRows rows = CsvRows.open(body, options.charset(), options.delimiter(), mapping, ImportFields.SURVEY_FIELDS);
        rows.missing(List.of("kind", "score", "answeredAt"));
        return ImportResponse.of(imports.importSurveyResponses(rows, options.validOnly()));
    }

    private record Options(boolean validOnly, char delimiter, Charset charset) {
    }

    private static Options options(String contentType, String validOnly, String delimiter) {
        Violations violations = new Violations();
        boolean valid = false;
        if (validOnly != null && !validOnly.isBlank()) {
            valid = validOnly.strip().equalsIgnoreCase("true");
            violations.check(valid || validOnly.strip().equalsIgnoreCase("false"), "validOnly", "must be true or false");
        }
        char separator = ',';
        if (delimiter != null && !delimiter.isEmpty()) {
            String d = delimiter.equalsIgnoreCase("tab") ? "\t" : delimiter;
            if (d.length() != 1 || !",;|\t".contains(d)) {
                violations.add("delimiter", "must be , ; | or tab");
            } else {
                separator = d.charAt(0);
            }
        }
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null) {
            try {
                String name = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
                if (name != null) {
                    charset = Charset.forName(name);
                }
            } catch (IllegalArgumentException e) {
                violations.add("Content-Type", "names a charset this server does not know");
            }
        }
        violations.throwIfAny();
        return new Options(valid, separator, charset);
    }
}
