package io.cxtracker.api.program;

import io.cxtracker.api.shared.ETags;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.PageRequest;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("programs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "programs", description = "The multi-year transformation program and its phases")
public class ProgramResource {

    @Inject
    ProgramSetupService setup;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listPrograms", summary = "List programs, newest start first, paged")
    @APIResponse(responseCode = "200", description = "A page of programs with the total")
    @APIResponse(responseCode = "400", description = "A bad paging or sort parameter; every bad one is listed")
    public PageResponse<ProgramResponse> list(
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "start, name or id; prefix '-' for descending") @QueryParam("sort") String sort) {
        PageRequest page = PageParameters.from(offset, limit, sort);
        return PageResponse.of(setup.programs(page), page, ProgramResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getProgram", summary = "One program with its phases; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The program", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ProgramResponse.class)))
    @APIResponse(responseCode = "404", description = "No such program")
    public Response get(@PathParam("id") long id) {
        ProgramSummary program = setup.getProgram(id);
        return Response.ok(ProgramResponse.of(program)).tag(ETags.of(program.version())).build();
    }

    @POST
    @Operation(operationId = "createProgram", summary = "Set up a program (program admins); without phases it gets Transform, Optimize, Sustain")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ProgramResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins set up programs")
    public Response create(@RequestBody(required = true) ProgramRequest request) {
        List<PhasePlan> phases = request.phases() == null ? null
                : request.phases().stream().map(p -> new PhasePlan(p.name(), p.start(), p.end())).toList();
        ProgramSummary created = setup.createProgram(new NewProgram(request.name(), request.startDate(), phases));
        return Response.created(uri.getBaseUriBuilder().path("programs").path(String.valueOf(created.id())).build())
                .tag(ETags.of(created.version()))
                .entity(ProgramResponse.of(created))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateProgram", summary = "Rename a program (program admins); needs If-Match with its ETag")
    @APIResponse(responseCode = "200", description = "Renamed", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = ProgramResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins rename programs")
    @APIResponse(responseCode = "404", description = "No such program")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id,
            @Parameter(description = "the ETag of the version read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) ProgramUpdateRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        ProgramSummary renamed = setup.renameProgram(id, version, request.name());
        return Response.ok(ProgramResponse.of(renamed)).tag(ETags.of(renamed.version())).build();
    }

    @GET
    @Path("{id}/phases")
    @Operation(operationId = "listPhases", summary = "The program's phases, in order")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such program")
    public List<PhaseResponse> phases(@PathParam("id") long id) {
        return setup.getProgram(id).phases().stream().map(PhaseResponse::of).toList();
    }

    @GET
    @Path("{id}/phases/{number}")
    @Operation(operationId = "getPhase", summary = "One phase of the program, by its number (1 for the first)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such program or phase")
    public PhaseResponse phase(@PathParam("id") long id, @PathParam("number") int number) {
        return setup.getProgram(id).phases().stream()
                .filter(p -> p.number() == number)
                .findFirst()
                .map(PhaseResponse::of)
                .orElseThrow(() -> new NotFoundException("phase", id + "/" + number));
    }
}
