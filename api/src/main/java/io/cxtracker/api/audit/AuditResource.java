package io.cxtracker.api.audit;

import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.audit.AuditQuery;
import io.cxtracker.domain.audit.AuditService;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The append-only, hash-chained record of every write")
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "listAuditRecords", summary = "List audit records, oldest first (sort=-seq for newest first), paged and filtered")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins read the audit trail")
    public PageResponse<AuditRecordResponse> list(
            @Parameter(description = "entity type, e.g. milestone") @QueryParam("entity") String entity,
            @Parameter(description = "entity id; needs entity") @QueryParam("entityId") String entityId,
            @Parameter(description = "who made the change (user name or client id)") @QueryParam("user") String user,
            @Parameter(description = "department code the change belongs to") @QueryParam("department") String department,
            @Parameter(description = "from this instant or day (UTC), inclusive") @QueryParam("from") String from,
            @Parameter(description = "until this instant (exclusive) or through this day (UTC)") @QueryParam("to") String to,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "seq or at; prefix '-' for descending") @QueryParam("sort") String sort) {
        Violations violations = new Violations();
        Instant start = TimeParameters.instant(violations, "from", from, false);
        Instant end = TimeParameters.instant(violations, "to", to, true);
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, sort));
        AuditQuery query = violations.capture(() -> new AuditQuery(entity, entityId, user, department, start, end));
        violations.throwIfAny();
        var found = audit.find(query, page);
        return new PageResponse<>(found.items().stream().map(AuditRecordResponse::of).toList(), found.total(),
                page.offset(), page.limit());
    }

    @GET
    @Path("verify")
    @Operation(operationId = "verifyAuditChain", summary = "Walk the hash chain and report the first broken link, if any")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins verify the audit trail")
    public ChainStatusResponse verify() {
        return ChainStatusResponse.of(audit.verify(), clock.instant());
    }

    @GET
    @Path("state")
    @Operation(operationId = "getAuditedEntityState", summary = "A thing's fields as of an instant, reconstructed from its audit history")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "The thing had no audit record at or before that instant")
    public EntityStateResponse state(
            @Parameter(description = "entity type, e.g. milestone", required = true) @QueryParam("entity") String entity,
            @Parameter(description = "entity id", required = true) @QueryParam("entityId") String entityId,
            @Parameter(description = "instant (or day: its end); default now") @QueryParam("at") String at) {
        Violations violations = new Violations();
        violations.check(entity != null && !entity.isBlank(), "entity", "is required");
        violations.check(entityId != null && !entityId.isBlank(), "entityId", "is required");
        Instant asOf = TimeParameters.instant(violations, "at", at, true);
        violations.throwIfAny();
        // a day means its end: the last microsecond the database can record in it
        Instant when = asOf == null ? clock.instant() : at.strip().length() == 10 ? asOf.minusNanos(1_000) : asOf;
        return audit.stateAsOf(entity.strip(), entityId.strip(), when).map(EntityStateResponse::of)
                .orElseThrow(() -> new NotFoundException(entity.strip() + " history", entityId.strip()));
    }
}
