package io.cxtracker.api.assessment;

import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.domain.assessment.AssessmentService;
import io.cxtracker.domain.assessment.AssessmentView;
import io.cxtracker.domain.assessment.MaturityQuestionnaire;
import io.cxtracker.domain.assessment.NewAssessment;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Maturity assessments per department, their history, and how far "every department" has got. */
@Path("assessments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "assessments", description = "How customer-obsessed each department is: ignore, novice, competent, mature")
public class AssessmentResource {

    @Inject
    AssessmentService assessments;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listAssessments", summary = "The assessments, newest first unless sorted otherwise; one department's history with ?department=")
    @APIResponse(responseCode = "200", description = "A page of assessments with the total")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    public PageResponse<AssessmentResponse> list(
            @Parameter(description = "department code") @QueryParam("department") String department,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "assessedOn, level or meanScore; prefix '-' for descending; default newest first")
            @QueryParam("sort") String sort) {
        PageRequest page = PageParameters.from(offset, limit, sort);
        return PageResponse.of(assessments.history(department, page), page, AssessmentResponse::of);
    }

    @GET
    @Path("{id:[0-9]+}")
    @Operation(operationId = "getAssessment", summary = "One assessment")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such assessment")
    public AssessmentResponse get(@PathParam("id") long id) {
        return AssessmentResponse.of(assessments.get(id));
    }

    @POST
    @Operation(operationId = "createAssessment", summary = "Record a department's assessment (its leads, program admins); one per department and day")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Not a lead of the department, nor a program admin")
    @APIResponse(responseCode = "409", description = "The department was assessed that day already")
    public Response create(@RequestBody(required = true) AssessmentRequest r) {
        AssessmentView recorded = assessments.record(new NewAssessment(r.departmentCode(), r.assessedOn(), r.answers(),
                r.notes()));
        return Response.created(uri.getBaseUriBuilder().path("assessments").path(String.valueOf(recorded.id())).build())
                .entity(AssessmentResponse.of(recorded)).build();
    }

    @GET
    @Path("distribution")
    @Operation(operationId = "getAssessmentDistribution", summary = "How many departments stand at each level: each counted once, at its latest assessment on or "
            + "before the day; the never-assessed apart")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "A bad day")
    public DistributionResponse distribution(
            @Parameter(description = "the day; default today") @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        LocalDate day = QueryParameters.date(violations, "asOf", asOf);
        violations.throwIfAny();
        return DistributionResponse.of(assessments.distribution(day));
    }

    @GET
    @Path("questions")
    @Operation(operationId = "listAssessmentQuestions", summary = "The questionnaire: every question an assessment scores 0..4")
    public List<MaturityQuestionnaire.Question> questions() {
        return assessments.questionnaire();
    }
}
