package io.cxtracker.api.department;

import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.NewDepartment;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("departments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "departments", description = "The parts of the company that own customer moments")
public class DepartmentResource {

    @Inject
    DepartmentService departments;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listDepartments", summary = "List departments, paged and sorted")
    public PageResponse<DepartmentResponse> list(
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "code or name; prefix '-' for descending") @QueryParam("sort") String sort,
            @Parameter(description = "only departments whose code or name contains this text") @QueryParam("q") String search) {
        PageRequest request = PageParameters.from(offset, limit, sort);
        var page = departments.list(request, search);
        return new PageResponse<>(page.items().stream().map(DepartmentResponse::of).toList(), page.total(),
                request.offset(), request.limit());
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getDepartment", summary = "One department by its code")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such department")
    public DepartmentResponse get(@PathParam("code") String code) {
        return DepartmentResponse.of(departments.get(code));
    }

    @POST
    @Operation(operationId = "createDepartment", summary = "Register a department")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            headers = @Header(name = "Location"), content = @Content(schema = @Schema(implementation = DepartmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@NotNull(message = "a JSON body is required") @Valid DepartmentRequest request) {
        var created = departments.register(new NewDepartment(request.code(), request.name(), request.parentCode()));
        return Response.created(uri.getBaseUriBuilder().path("departments").path(created.code()).build())
                .entity(DepartmentResponse.of(created))
                .build();
    }
}
