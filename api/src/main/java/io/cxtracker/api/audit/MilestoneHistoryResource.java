package io.cxtracker.api.audit;

import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.audit.AuditRecord;
import io.cxtracker.domain.audit.AuditService;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A milestone's history: its audit records (creation, revisions, check-ins, overrides, target links),
 * paged, oldest first; or with {@code asOf} its fields as of that instant, reconstructed from them.
 * Executives, auditors, program admins and every department lead may read it (leads read everyone's
 * progress, ARCHITECTURE §1).
 */
@Path("milestones/{id}/history")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The append-only, hash-chained record of every write")
public class MilestoneHistoryResource {

    @Inject
    AuditService audit;

    @Inject
    MilestoneService milestones;

    @GET
    @Operation(operationId = "getMilestoneHistory", summary = "A milestone's audit records, oldest first (sort=-seq for newest first), paged; "
            + "with asOf, its state as of that instant instead")
    @APIResponse(responseCode = "200", description = "Without asOf: a page of audit records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "200", description = "With asOf: the milestone's fields as of that instant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityStateResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = "Only executives, auditors, program admins and department leads read histories")
    @APIResponse(responseCode = "404", description = "No such milestone, or it had no audit record at or before asOf")
    public Response history(
            @Parameter(description = "milestone id") @PathParam("id") long id,
            @Parameter(description = "instant with offset, or a day (UTC: its end); answers the state as of then")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "seq or at; prefix '-' for descending") @QueryParam("sort") String sort) {
        return Response.ok(asOf == null || asOf.isBlank() ? records(id, offset, limit, sort) : state(id, asOf)).build();
    }

    PageResponse<AuditRecordResponse> records(long id, String offset, String limit, String sort) {
        Violations violations = new Violations();
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, sort));
        violations.throwIfAny();
        Page<AuditRecord> found = audit.milestoneHistory(id, page);
        if (found.total() == 0) {
            milestones.get(id); // 404 for a milestone that does not exist
        }
        return new PageResponse<>(found.items().stream().map(AuditRecordResponse::of).toList(), found.total(),
                page.offset(), page.limit());
    }

    EntityStateResponse state(long id, String asOf) {
        Violations violations = new Violations();
        Instant when = TimeParameters.instant(violations, "asOf", asOf, true);
        violations.throwIfAny();
        // a day means its end: the last microsecond the database can record in it
        Instant instant = asOf.strip().length() == 10 ? when.minusNanos(1_000) : when;
        return audit.milestoneAsOf(id, instant).map(EntityStateResponse::of).orElseThrow(() -> {
            milestones.get(id); // 404 for a milestone that does not exist at all
            return new NotFoundException("milestone history as of " + instant, String.valueOf(id));
        });
    }
}
