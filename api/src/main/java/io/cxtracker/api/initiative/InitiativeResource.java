package io.cxtracker.api.initiative;

import io.cxtracker.api.shared.ETags;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeRevision;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.AsOfInitiativeService;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.setup.ProgramSetupService;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("initiatives")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "initiatives", description = "Objectives under a pillar and phase, with their departments' RACI roles")
public class InitiativeResource {

    @Inject
    ProgramSetupService setup;

    @Inject
    AsOfInitiativeService initiativesAsOf;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listInitiatives", summary = "List initiatives, paged, sorted and filtered. With asOf: the "
            + "initiatives created by then with their title, pillar, phase and RACI of then (the filter applies to those)")
    @APIResponse(responseCode = "200", description = "A page of initiatives with the total")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    public PageResponse<InitiativeResponse> list(
            @Parameter(description = "program id") @QueryParam("program") String program,
            @Parameter(description = "department code with any RACI role, accountable included") @QueryParam("department") String department,
            @Parameter(description = "LISTEN, MEASURE or CHANGE") @QueryParam("pillar") String pillar,
            @Parameter(description = "phase number, 1 for the first") @QueryParam("phase") String phase,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "title, pillar, phase or id; prefix '-' for descending; default phase, pillar, title")
            @QueryParam("sort") String sort,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        Long programId = QueryParameters.id(violations, "program", program);
        DepartmentCode code = QueryParameters.department(violations, "department", department);
        Pillar onPillar = QueryParameters.enumOf(violations, "pillar", pillar, Pillar.class);
        Integer phaseNumber = QueryParameters.number(violations, "phase", phase, 1, Integer.MAX_VALUE);
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, sort));
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        InitiativeFilter filter = new InitiativeFilter(programId, code, onPillar, phaseNumber);
        if (when != null) {
            return PageResponse.of(initiativesAsOf.initiatives(filter, page, when), page, InitiativeResponse::of);
        }
        return PageResponse.of(setup.initiatives(filter, page), page, InitiativeResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getInitiative", summary = "One initiative with its RACI; the ETag is its version. With asOf: "
            + "its title, pillar, phase and RACI as of then, without an ETag (a record of the past is no basis for a revision)")
    @APIResponse(responseCode = "200", description = "The initiative", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = InitiativeResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such initiative, or not created yet as of then")
    public Response get(@PathParam("id") long id,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        if (when != null) {
            return Response.ok(InitiativeResponse.of(initiativesAsOf.initiative(id, when))).build();
        }
        return withTag(setup.getInitiative(id), Response.ok());
    }

    @POST
    @Operation(operationId = "createInitiative", summary = "Add an initiative to a program (program admins)")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = InitiativeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins set up initiatives")
    @APIResponse(responseCode = "404", description = "No such program")
    public Response create(@RequestBody(required = true) InitiativeRequest request) {
        InitiativeSummary created = setup.createInitiative(new NewInitiative(request.programId(), request.phaseNumber(),
                request.pillar(), request.title(), request.description(), request.accountableDepartment(), request.raci()));
        return withTag(created, Response.created(
                uri.getBaseUriBuilder().path("initiatives").path(String.valueOf(created.id())).build()));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateInitiative", summary = "Revise an initiative's title, description, pillar and phase (program admins); needs If-Match")
    @APIResponse(responseCode = "200", description = "Revised", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = InitiativeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins revise initiatives")
    @APIResponse(responseCode = "404", description = "No such initiative")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id,
            @Parameter(description = "the ETag of the version read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) InitiativeUpdateRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        return withTag(setup.reviseInitiative(id, version, new InitiativeRevision(request.title(), request.description(),
                request.pillar(), request.phaseNumber())), Response.ok());
    }

    @PUT
    @Path("{id}/raci/{department}")
    @Operation(operationId = "assignRaci", summary = "Give a department a RACI role in the initiative (program admins); ACCOUNTABLE hands accountability over")
    @APIResponse(responseCode = "200", description = "Assigned", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = InitiativeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins change RACI assignments")
    @APIResponse(responseCode = "404", description = "No such initiative")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response assign(@PathParam("id") long id, @PathParam("department") String department,
            @Parameter(description = "the ETag of the version read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) RaciRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        return withTag(setup.assignRaci(id, version, department, request.role()), Response.ok());
    }

    private static Response withTag(InitiativeSummary initiative, Response.ResponseBuilder response) {
        return response.entity(InitiativeResponse.of(initiative)).tag(ETags.of(initiative.version())).build();
    }
}
