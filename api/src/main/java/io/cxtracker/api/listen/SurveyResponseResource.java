package io.cxtracker.api.listen;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.api.shared.LargeBody;
import io.cxtracker.domain.listen.NewSurveyResponse;
import io.cxtracker.domain.listen.SurveyIngestionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Survey answers in bulk, from survey tools. Each answer is judged on its own (ACCEPTED, DUPLICATE or
 * REJECTED with reasons); the accepted ones are stored raw and added, in the same transaction, to the
 * reading of {@code nps}, {@code csat} or {@code ces} for their day, department and channel. Resending a
 * batch changes nothing (every item DUPLICATE), also when requests with overlapping keys race.
 */
@Path("survey-responses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "listen", description = "The voice of the customer: survey answers, feedback and the insights grouped from it")
public class SurveyResponseResource {
    public static final int MAX_BATCH = SurveyIngestionService.MAX_BATCH;

    @Inject
    SurveyIngestionService ingestion;

    @POST
    @LargeBody
    @Operation(operationId = "ingestSurveyResponses", summary = "Push up to " + MAX_BATCH + " survey answers (metrics-ingest clients, program admins); per item "
            + "ACCEPTED, DUPLICATE or REJECTED with reasons; idempotent by the sender's key",
            description = "Accepted answers become NPS, CSAT or CES readings per day, department and channel, with exact "
                    + "statistics. The batch is one transaction. Body up to 10 MB (cx.api.max-bulk-body-bytes).")
    @APIResponse(responseCode = "200", description = "Every item's outcome",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of 1 to " + MAX_BATCH + " answers")
    @APIResponse(responseCode = "403", description = "Only metrics-ingest clients and program admins push survey answers")
    @APIResponse(responseCode = "413", description = "The body is larger than the bulk limit")
    public BatchResponse ingest(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = SurveyResponseRequest.class, maxItems = MAX_BATCH))) JsonNode body) {
        BulkItems<SurveyResponseRequest, NewSurveyResponse> items = BulkItems.bind(body, SurveyResponseRequest.class,
                MAX_BATCH, "survey answers", SurveyResponseRequest::toCommand);
        return items.answer(ingestion.ingest(items.commands));
    }
}
