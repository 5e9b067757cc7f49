package io.cxtracker.api.listen;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.api.shared.LargeBody;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.domain.feedback.FeedbackService;
import io.cxtracker.domain.feedback.NewFeedback;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feedback items: pushed in bulk by listening tools (or recorded by leads for their departments), listed for everyone. */
@Path("feedback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "listen")
public class FeedbackResource {
    public static final int MAX_BATCH = FeedbackService.MAX_BATCH;

    @Inject
    FeedbackService feedback;

    @GET
    @Operation(operationId = "listFeedback", summary = "List feedback, newest first unless sorted otherwise, paged and filtered",
            description = "Executives, auditors and program admins read every item's text; a department lead reads the "
                    + "text of their own departments' items only (for others 'text' is absent; themes, sentiment and "
                    + "counts stay). 'source' and 'idempotencyKey' are present for program admins only.")
    @APIResponse(responseCode = "200", description = "A page of feedback with the total")
    @APIResponse(responseCode = "403", description = "The caller has no role that reads the program (no role; an ingestion client)")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    public PageResponse<FeedbackResponse> list(
            @Parameter(description = "only items with this theme") @QueryParam("theme") String theme,
            @Parameter(description = "only items concerning this department") @QueryParam("department") String department,
            @Parameter(description = "SURVEY, REVIEW, SOCIAL, CALL, CHAT or EMAIL") @QueryParam("channel") String channel,
            @Parameter(description = "received on or after this day") @QueryParam("from") String from,
            @Parameter(description = "received on or before this day") @QueryParam("to") String to,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "receivedAt or sentiment; prefix '-' for descending; default newest first")
            @QueryParam("sort") String sort) {
        Violations violations = new Violations();
        LocalDate first = QueryParameters.date(violations, "from", from);
        LocalDate last = QueryParameters.date(violations, "to", to);
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, sort));
        violations.throwIfAny();
        return PageResponse.of(feedback.list(theme, department, channel, first, last, page), page, FeedbackResponse::of);
    }

    @POST
    @LargeBody
    @Operation(operationId = "ingestFeedback", summary = "Push up to " + MAX_BATCH + " feedback items (metrics-ingest clients, program admins; a lead for "
            + "their own departments); per item ACCEPTED, DUPLICATE or REJECTED with reasons; idempotent by the sender's key")
    @APIResponse(responseCode = "200", description = "Every item's outcome",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of 1 to " + MAX_BATCH + " items")
    @APIResponse(responseCode = "403", description = "Not an ingestion client, program admin, or the lead of every item's department")
    @APIResponse(responseCode = "413", description = "The body is larger than the bulk limit")
    public BatchResponse ingest(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = FeedbackRequest.class, maxItems = MAX_BATCH))) JsonNode body) {
        BulkItems<FeedbackRequest, NewFeedback> items = BulkItems.bind(body, FeedbackRequest.class, MAX_BATCH,
                "feedback items", FeedbackRequest::toCommand);
        return items.answer(feedback.ingest(items.commands));
    }
}
