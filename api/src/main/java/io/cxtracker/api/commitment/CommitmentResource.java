package io.cxtracker.api.commitment;

import io.cxtracker.api.shared.ETags;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.domain.commitment.ClosedLoopService;
import io.cxtracker.domain.commitment.CommitmentRevision;
import io.cxtracker.domain.commitment.CommitmentService;
import io.cxtracker.domain.commitment.CommitmentView;
import io.cxtracker.domain.commitment.LoopWindows;
import io.cxtracker.domain.commitment.NewCommitment;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Commitments: promised changes that answer an insight. A department's leads write their own department's
 * commitments, program admins all. Every change names the version it saw in {@code If-Match} (the ETag of
 * {@code GET /api/commitments/{id}}): missing → 428, stale → 412; the answer carries the new ETag.
 */
@Path("commitments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "commitments", description = "Commit to change: promises answering insights, and the closed loop")
public class CommitmentResource {

    @Inject
    CommitmentService commitments;

    @Inject
    ClosedLoopService loops;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listCommitments", summary = "List commitments, by due date unless sorted otherwise, paged and filtered")
    @APIResponse(responseCode = "200", description = "A page of commitments with the total")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    public PageResponse<CommitmentResponse> list(
            @Parameter(description = "the theme they answer") @QueryParam("theme") String theme,
            @Parameter(description = "owner department code") @QueryParam("department") String department,
            @Parameter(description = "PROPOSED, COMMITTED, IN_PROGRESS, DONE or DROPPED") @QueryParam("state") String state,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "due, state, createdAt or theme; prefix '-' for descending; default due")
            @QueryParam("sort") String sort) {
        PageRequest page = PageParameters.from(offset, limit, sort);
        return PageResponse.of(commitments.list(theme, department, state, page), page, CommitmentResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCommitment", summary = "One commitment; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The commitment", headers = @Header(name = HttpHeaders.ETAG))
    @APIResponse(responseCode = "404", description = "No such commitment")
    public Response get(@PathParam("id") long id) {
        return answer(commitments.get(id), Response.ok());
    }

    @POST
    @Operation(operationId = "createCommitment", summary = "Make a commitment answering an insight (the owner department's leads, program admins)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = CommitmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Not a lead of the owner department, nor a program admin")
    public Response create(@RequestBody(required = true) CommitmentRequest r) {
        CommitmentView created = commitments.create(new NewCommitment(r.theme(), r.title(), r.description(),
                r.ownerDepartment(), r.due(), r.milestoneIds(), r.metricKey(), r.state(), r.reason()));
        return answer(created, Response.created(uri.getBaseUriBuilder().path("commitments")
                .path(String.valueOf(created.id())).build()));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateCommitment", summary = "Replace a commitment's plan and move its state (its department's leads, program admins); "
            + "needs If-Match")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = CommitmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input or a move backwards; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Not a lead of the owner department (or of the new one)")
    @APIResponse(responseCode = "404", description = "No such commitment")
    @APIResponse(responseCode = "409", description = "Changed concurrently while this change was written")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id,
            @Parameter(description = "the ETag of the commitment version read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) CommitmentRequest r) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(commitments.update(id, version, new CommitmentRevision(r.theme(), r.title(), r.description(),
                r.ownerDepartment(), r.due(), r.milestoneIds(), r.metricKey(), r.state(), r.reason())), Response.ok());
    }

    @GET
    @Path("{id}/loop")
    @Operation(operationId = "getCommitmentClosedLoop", summary = "The closed loop: the insight, the commitment, its milestones with their status today, and the "
            + "metrics in the window before the promise against the latest window")
    @APIResponse(responseCode = "200", description = "The loop")
    @APIResponse(responseCode = "400", description = "A bad window")
    @APIResponse(responseCode = "404", description = "No such commitment")
    public ClosedLoopResponse loop(@PathParam("id") long id,
            @Parameter(description = "days in each window, 1..366, default 30") @QueryParam("window") String window) {
        Violations violations = new Violations();
        Integer days = QueryParameters.number(violations, "window", window, 1, LoopWindows.MAX_DAYS);
        violations.throwIfAny();
        return ClosedLoopResponse.of(loops.loop(id, days));
    }

    private static Response answer(CommitmentView view, Response.ResponseBuilder response) {
        return response.entity(CommitmentResponse.of(view)).tag(ETags.of(view.version())).build();
    }
}
