package io.cxtracker.api.milestone;

import io.cxtracker.api.approval.ApprovalRequestResponse;
import io.cxtracker.api.shared.ETags;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.SerializedOnce;
import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.milestone.ApprovalRequestView;
import io.cxtracker.domain.milestone.ChangeOutcome;
import io.cxtracker.domain.milestone.MilestoneRevision;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.milestone.NewCheckIn;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.progress.AsOfTargetService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Milestones: the plan's dated steps. Every write names the version it saw in {@code If-Match} (the ETag of
 * {@code GET /api/milestones/{id}}): missing → 428, stale → 412; the answer carries the new ETag.
 * ({@code GET /api/milestones/{id}/history}, the audit records, is the audit trail's: see the audit package.)
 */
@Path("milestones")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "milestones", description = "Dated steps of initiatives, owned by a department; check-ins, overrides, linked targets")
public class MilestoneResource {
    private static final String IF_MATCH = "the ETag of the milestone version read";
    /** Today's milestone pages' JSON per page the read cache keeps (its default size). */
    private static final SerializedOnce PAGE_JSON = new SerializedOnce(256);

    @Inject
    MilestoneService milestones;

    @Inject
    ProgressService progress;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listMilestones", summary = "List milestones with today's status (or the status they showed as of "
            + "an earlier instant), paged, sorted and filtered")
    @APIResponse(responseCode = "200", description = "A page of milestones with the total",
            content = @Content(schema = @Schema(implementation = MilestonePageResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    public Response list(
            @Parameter(description = "program id") @QueryParam("program") String program,
            @Parameter(description = "initiative id") @QueryParam("initiative") String initiative,
            @Parameter(description = "owner department code") @QueryParam("department") String department,
            @Parameter(description = "LISTEN, MEASURE or CHANGE") @QueryParam("pillar") String pillar,
            @Parameter(description = "phase number of the initiative, 1 for the first") @QueryParam("phase") String phase,
            @Parameter(description = "status shown today; repeat or separate by commas for several, e.g. AT_RISK,OFF_TRACK")
            @QueryParam("status") List<String> status,
            @Parameter(description = "due on or after this day") @QueryParam("dueAfter") String dueAfter,
            @Parameter(description = "due on or before this day") @QueryParam("dueBefore") String dueBefore,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "due, title, department or id; prefix '-' for descending; default due")
            @QueryParam("sort") String sort,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        Long programId = QueryParameters.id(violations, "program", program);
        Long initiativeId = QueryParameters.id(violations, "initiative", initiative);
        DepartmentCode code = QueryParameters.department(violations, "department", department);
        Pillar onPillar = QueryParameters.enumOf(violations, "pillar", pillar, Pillar.class);
        Integer phaseNumber = QueryParameters.number(violations, "phase", phase, 1, Integer.MAX_VALUE);
        Set<MilestoneStatus> statuses = QueryParameters.enums(violations, "status", status, MilestoneStatus.class);
        LocalDate after = QueryParameters.date(violations, "dueAfter", dueAfter);
        LocalDate before = QueryParameters.date(violations, "dueBefore", dueBefore);
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, sort));
        MilestoneFilter filter = violations.capture(() -> new MilestoneFilter(programId, initiativeId, code, onPillar,
                phaseNumber, statuses, after, before));
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        if (when != null) {
            return Response.ok(MilestonePageResponse.of(progress.milestones(filter, page, when), page)).build();
        }
        Page<MilestoneStatusView> today = progress.milestones(filter, page);
        // the read cache hands the same page object out while nothing it read changed; its key holds the page request
        return Response.ok(PAGE_JSON.json(today, () -> MilestonePageResponse.of(today, page)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMilestone", summary = "One milestone with its status today and why; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The milestone", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "404", description = "No such milestone")
    public Response get(@PathParam("id") long id) {
        return answer(milestones.get(id), Response.ok());
    }

    @POST
    @Operation(operationId = "createMilestone", summary = "Add a milestone to an initiative (program admins)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins add milestones")
    @APIResponse(responseCode = "404", description = "No such initiative")
    public Response create(@RequestBody(required = true) MilestoneRequest request) {
        MilestoneView created = milestones.create(new NewMilestone(request.initiativeId(), request.title(),
                request.description(), request.ownerDepartment(), request.ownerPerson(), request.due(), request.evidence(),
                request.weight()));
        return answer(created, Response.created(location(created.id())));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateMilestone", summary = "Revise a milestone's plan (its department's leads, program admins); needs If-Match")
    @APIResponse(responseCode = "200", description = "Revised", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Not a lead of the owning department")
    @APIResponse(responseCode = "404", description = "No such milestone")
    @APIResponse(responseCode = "409", description = "Changed concurrently while this change was written")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) MilestoneUpdateRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(milestones.update(id, version, new MilestoneRevision(request.title(), request.description(),
                request.ownerDepartment(), request.ownerPerson(), request.due(), request.evidence(), request.weight())),
                Response.ok());
    }

    @GET
    @Path("{id}/check-ins")
    @Operation(operationId = "listCheckIns", summary = "The milestone's check-ins, oldest first (with asOf, those made by then)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such milestone")
    public List<CheckInResponse> checkIns(@PathParam("id") long id,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        return (when == null ? milestones.checkIns(id) : milestones.checkIns(id, when)).stream()
                .map(CheckInResponse::of).toList();
    }

    @GET
    @Path("{id}/check-ins/{sequence}")
    @Operation(operationId = "getCheckIn", summary = "One check-in, by its number (1 for the first)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such milestone or check-in")
    public CheckInResponse checkIn(@PathParam("id") long id, @PathParam("sequence") int sequence) {
        return milestones.checkIns(id).stream()
                .filter(c -> c.sequence() == sequence)
                .findFirst()
                .map(CheckInResponse::of)
                .orElseThrow(() -> new NotFoundException("check-in", id + "/" + sequence));
    }

    @POST
    @Path("{id}/check-ins")
    @Operation(operationId = "checkInMilestone", summary = "Check in: report status, progress, comment and evidence (its department's leads); needs If-Match. "
            + "Answers the milestone as it now stands, its new ETag, and the check-in's location")
    @APIResponse(responseCode = "201", description = "Checked in", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Not a lead of the owning department")
    @APIResponse(responseCode = "404", description = "No such milestone")
    @APIResponse(responseCode = "409", description = "Changed concurrently while this change was written")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response checkIn(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) CheckInRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        MilestoneView checkedIn = milestones.checkIn(id, version, new NewCheckIn(request.status(), request.progress(),
                request.comment(), request.evidence()));
        return answer(checkedIn, Response.created(uri.getBaseUriBuilder().path("milestones").path(String.valueOf(id))
                .path("check-ins").path(String.valueOf(checkedIn.checkInCount())).build()));
    }

    @GET
    @Path("{id}/targets")
    @Operation(operationId = "listMilestoneTargets", summary = "The targets linked to the milestone, each with its verdict as it counts for the milestone")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such milestone")
    public List<LinkedTargetResponse> targets(@PathParam("id") long id) {
        return progress.milestoneStatus(id).targets().stream().map(LinkedTargetResponse::of).toList();
    }

    @POST
    @Path("{id}/targets")
    @Operation(operationId = "linkMilestoneTarget", summary = "Link a metric target: its verdict then decides the milestone's status; needs If-Match. Linking twice changes nothing")
    @APIResponse(responseCode = "200", description = "Linked", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or no such target")
    @APIResponse(responseCode = "403", description = "Not a lead of the owning department")
    @APIResponse(responseCode = "404", description = "No such milestone")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response linkTarget(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) TargetLinkRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(milestones.linkTarget(id, version, request.targetId()), Response.ok());
    }

    @DELETE
    @Path("{id}/targets/{targetId}")
    @Operation(operationId = "unlinkMilestoneTarget", summary = "Unlink a target from the milestone; needs If-Match. A program admin's unlink applies at once; "
            + "a department lead's is a request for approval (202) and the link stands until a program admin or executive "
            + "approves it")
    @APIResponse(responseCode = "200", description = "Unlinked", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "202", description = "Sent for approval; Location names the request",
            headers = {@Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.LOCATION)},
            content = @Content(schema = @Schema(implementation = ApprovalRequestResponse.class)))
    @APIResponse(responseCode = "400", description = "No such target, or (for a request) it is not linked")
    @APIResponse(responseCode = "409", description = "The same unlink already waits for approval")
    @APIResponse(responseCode = "403", description = "Not a lead of the owning department")
    @APIResponse(responseCode = "404", description = "No such milestone")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response unlinkTarget(@PathParam("id") long id, @PathParam("targetId") long targetId,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "why (optional), kept with a lead's request") @QueryParam("reason") String reason) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(milestones.unlinkTarget(id, version, targetId, reason));
    }

    @POST
    @Path("{id}/override")
    @Operation(operationId = "requestStatusOverride", summary = "Set the status by hand over what the evidence says, with a mandatory reason; needs If-Match. "
            + "A program admin's override applies at once; a department lead's is a request for approval (202) and the "
            + "derived status stands until a program admin or executive approves it")
    @APIResponse(responseCode = "200", description = "Overridden", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "202", description = "Sent for approval; Location names the request",
            headers = {@Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.LOCATION)},
            content = @Content(schema = @Schema(implementation = ApprovalRequestResponse.class)))
    @APIResponse(responseCode = "409", description = "An override of this milestone already waits for approval")
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Not a lead of the owning department")
    @APIResponse(responseCode = "404", description = "No such milestone")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response override(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) OverrideRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(milestones.overrideStatus(id, version, request.status(), request.reason()));
    }

    @DELETE
    @Path("{id}/override")
    @Operation(operationId = "clearStatusOverride", summary = "Clear the override: the evidence decides the status again; needs If-Match")
    @APIResponse(responseCode = "200", description = "Cleared", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = MilestoneResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a lead of the owning department")
    @APIResponse(responseCode = "404", description = "No such milestone")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response clearOverride(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(milestones.clearOverride(id, version), Response.ok());
    }

    /**
     * Applied: the milestone as it now stands (200). Requested: 202 with the request, where it lives, and the
     * milestone's unchanged ETag.
     */
    private Response answer(ChangeOutcome outcome) {
        if (!outcome.isRequested()) {
            return answer(outcome.applied(), Response.ok());
        }
        ApprovalRequestView request = outcome.requested();
        return Response.accepted(ApprovalRequestResponse.of(request))
                .location(uri.getBaseUriBuilder().path("override-requests").path(String.valueOf(request.id())).build())
                .tag(ETags.of(request.milestoneVersion()))
                .build();
    }

    /** The milestone with its status today, tagged with its version. */
    private Response answer(MilestoneView milestone, Response.ResponseBuilder response) {
        return response.entity(MilestoneResponse.of(milestone, progress.milestoneStatus(milestone.id())))
                .tag(ETags.of(milestone.version()))
                .build();
    }

    private java.net.URI location(long id) {
        return uri.getBaseUriBuilder().path("milestones").path(String.valueOf(id)).build();
    }
}
