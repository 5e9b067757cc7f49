package io.cxtracker.api.dashboard;

import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.api.shared.SerializedOnce;
import io.cxtracker.domain.progress.DepartmentDashboardService;
import io.cxtracker.domain.progress.DepartmentDashboardService.DepartmentDashboard;
import io.cxtracker.domain.progress.ProgramProgress;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.shared.AsOf;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("dashboards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboards", description = "Progress today: a program rolled up, a department's accountability")
public class DashboardResource {
    /**
     * Today's dashboards' JSON per result of the read cache (as many as it keeps by default): served again as bytes
     * while the cache serves the same result. Results as of a past day are written as usual.
     */
    private static final SerializedOnce PROGRAM_JSON = new SerializedOnce(64);
    private static final SerializedOnce DEPARTMENT_JSON = new SerializedOnce(64);

    @Inject
    ProgressService progress;

    @Inject
    DepartmentDashboardService departmentDashboards;

    @GET
    @Path("program/{id}")
    @Operation(operationId = "getProgramDashboard", summary = "A program's progress today: the whole, by initiative, pillar, phase and department, with RAG "
            + "and counts by status, and the milestones needing attention with the reasons")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(schema = @Schema(implementation = ProgramDashboardResponse.class)))
    @APIResponse(responseCode = "404", description = "No such program")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    public Response program(@PathParam("id") long id,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING)) @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        if (when != null) {
            return Response.ok(ProgramDashboardResponse.of(progress.programProgress(id, when))).build();
        }
        ProgramProgress today = progress.programProgress(id);
        return json(PROGRAM_JSON.json(today, () -> ProgramDashboardResponse.of(today)));
    }

    @GET
    @Path("departments/{code}")
    @Operation(operationId = "getDepartmentDashboard", summary = "A department's accountability today: its milestones rolled up by pillar and phase, those "
            + "needing attention, and its targets with live values and RAG")
    @APIResponse(responseCode = "200", description = "The dashboard",
            content = @Content(schema = @Schema(implementation = DepartmentDashboardResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such department or program")
    public Response department(@PathParam("code") String code,
            @Parameter(description = "program id; default every program") @QueryParam("program") String program,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING)) @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        Long programId = QueryParameters.id(violations, "program", program);
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        DepartmentDashboard dashboard = departmentDashboards.of(code, programId, when);
        if (when != null) {
            return Response.ok(response(dashboard)).build();
        }
        return json(DEPARTMENT_JSON.json(dashboard, () -> response(dashboard)));
    }

    private static DepartmentDashboardResponse response(DepartmentDashboard dashboard) {
        return DepartmentDashboardResponse.of(dashboard.department(), dashboard.progress(), dashboard.targets());
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
