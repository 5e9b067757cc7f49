package io.cxtracker.api.approval;

import io.cxtracker.api.shared.ETags;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.milestone.ApprovalRequestQuery;
import io.cxtracker.domain.milestone.ApprovalRequestView;
import io.cxtracker.domain.milestone.ApprovalService;
import io.cxtracker.domain.milestone.RequestState;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Four eyes on overriding the data: a department lead's {@code POST /api/milestones/{id}/override} or
 * {@code DELETE /api/milestones/{id}/targets/{targetId}} answers 202 with a request here, which a program admin or
 * executive approves (the change is applied) or rejects (with a reason). A request's ETag is the version of its
 * milestone: a decision sends it in {@code If-Match}, like every write to a milestone (missing → 428, stale → 412);
 * a decided request answers 409.
 */
@Path("override-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "approvals", description = "Leads' status overrides and target unlinks, waiting for a second person's decision")
public class ApprovalRequestResource {
    private static final String IF_MATCH = "the ETag of the request (its milestone's version) as read";

    @Inject
    ApprovalService approvals;

    @GET
    @Operation(operationId = "listOverrideRequests", summary = "List requests, paged; oldest first by default (the approver's queue)")
    @APIResponse(responseCode = "200", description = "A page of requests with the total")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = "Only leads, executives, auditors and program admins read requests")
    public PageResponse<ApprovalRequestResponse> list(
            @Parameter(description = "PENDING, APPROVED or REJECTED") @QueryParam("state") String state,
            @Parameter(description = "the milestone's owner department code") @QueryParam("department") String department,
            @Parameter(description = "milestone id") @QueryParam("milestone") String milestone,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "requestedAt or id; prefix '-' for descending; default requestedAt")
            @QueryParam("sort") String sort) {
        Violations violations = new Violations();
        RequestState onState = QueryParameters.enumOf(violations, "state", state, RequestState.class);
        DepartmentCode code = QueryParameters.department(violations, "department", department);
        Long milestoneId = QueryParameters.id(violations, "milestone", milestone);
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, sort));
        violations.throwIfAny();
        return PageResponse.of(approvals.list(new ApprovalRequestQuery(onState, code, milestoneId), page), page,
                ApprovalRequestResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOverrideRequest", summary = "One request; the ETag is its milestone's version, which a decision sends back")
    @APIResponse(responseCode = "200", description = "The request", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ApprovalRequestResponse.class)))
    @APIResponse(responseCode = "403", description = "Only leads, executives, auditors and program admins read requests")
    @APIResponse(responseCode = "404", description = "No such request")
    public Response get(@PathParam("id") long id) {
        return answer(approvals.get(id));
    }

    @POST
    @Path("{id}/approval")
    @Operation(operationId = "approveOverrideRequest", summary = "Approve (program admins, executives; never the requester): the override or unlink is applied "
            + "to the milestone now; needs If-Match")
    @APIResponse(responseCode = "200", description = "Approved and applied; the ETag is the milestone's new version",
            headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ApprovalRequestResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Not a program admin or executive, or the requester")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Decided already, or the milestone changed concurrently")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the milestone")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response approve(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) DecisionRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(approvals.approve(id, version, request.reason()));
    }

    @POST
    @Path("{id}/rejection")
    @Operation(operationId = "rejectOverrideRequest", summary = "Reject with a reason (program admins, executives; never the requester): the milestone stays "
            + "as it is; needs If-Match")
    @APIResponse(responseCode = "200", description = "Rejected", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ApprovalRequestResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input (the reason is mandatory); every bad field is listed")
    @APIResponse(responseCode = "403", description = "Not a program admin or executive, or the requester")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Decided already")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the milestone")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response reject(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) DecisionRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(approvals.reject(id, version, request.reason()));
    }

    private static Response answer(ApprovalRequestView request) {
        return Response.ok(ApprovalRequestResponse.of(request)).tag(ETags.of(request.milestoneVersion())).build();
    }
}
