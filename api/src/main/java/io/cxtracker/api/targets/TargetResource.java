package io.cxtracker.api.targets;

import io.cxtracker.domain.targets.TargetSetupService;
import io.cxtracker.api.shared.ETags;
import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.NewTarget;
import io.cxtracker.domain.targets.TargetRevision;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.targets.TargetStatus;
import io.cxtracker.domain.targets.TargetSummary;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.progress.AsOfTargetService;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

@Path("targets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "targets", description = "Where a metric must get to, by when, judged red, amber or green")
public class TargetResource {

    @Inject
    TargetService targets;

    @Inject
    TargetSetupService setup;

    @Inject
    AsOfTargetService targetsAsOf;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listTargets", summary = "List targets, paged, by metric and/or department. "
            + "With asOf: the targets set by then, each with its numbers and verdict as of then")
    @APIResponse(responseCode = "200", description = "A page of targets with the total")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    public PageResponse<TargetResponse> list(
            @Parameter(description = "metric key") @QueryParam("metric") String metric,
            @Parameter(description = "department code") @QueryParam("department") String department,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "due, metric or id; prefix '-' for descending; default due") @QueryParam("sort") String sort,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, sort));
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        if (when != null) {
            return PageResponse.of(targetsAsOf.list(metric, department, page, when), page, TargetResponse::of);
        }
        return PageResponse.of(targets.list(metric, department, page), page, TargetResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTarget", summary = "One target with today's verdict (RAG, current value, forecast, progress, reason); the ETag is its version. "
            + "With asOf: its numbers and verdict as of then, without an ETag (a record of the past is no basis for a revision)")
    @APIResponse(responseCode = "200", description = "The target", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = TargetResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such target, or not set yet as of then")
    public Response get(@PathParam("id") long id,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        if (when != null) {
            return Response.ok(TargetResponse.of(targetsAsOf.status(id, when))).build();
        }
        TargetStatus status = targets.status(id);
        return Response.ok(TargetResponse.of(status)).tag(ETags.of(status.target().version())).build();
    }

    @POST
    @Operation(operationId = "createTarget", summary = "Set a target on a metric (program admins)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = TargetResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins set targets")
    public Response create(@RequestBody(required = true) TargetRequest request) {
        TargetSummary created = setup.setTarget(new NewTarget(request.metricKey(), request.departmentCode(),
                request.baseline(), request.targetValue(), request.due(), request.programId(), request.phaseNumber(),
                request.amberTolerance(), request.windowDays()));
        return Response.created(uri.getBaseUriBuilder().path("targets").path(String.valueOf(created.id())).build())
                .entity(TargetResponse.of(created))
                .tag(ETags.of(created.version()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateTarget", summary = "Revise a target's numbers and due date (program admins); needs If-Match with its ETag")
    @APIResponse(responseCode = "200", description = "Revised", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = TargetResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins revise targets")
    @APIResponse(responseCode = "404", description = "No such target")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id,
            @Parameter(description = "the ETag of the version read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) TargetUpdateRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        TargetSummary revised = setup.reviseTarget(id, version, new TargetRevision(request.baseline(),
                request.targetValue(), request.due(), request.amberTolerance(), request.windowDays()));
        return Response.ok(TargetResponse.of(revised)).tag(ETags.of(revised.version())).build();
    }
}
