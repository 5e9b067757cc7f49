package io.cxtracker.api.review;

import io.cxtracker.api.audit.TimeParameters;
import io.cxtracker.domain.review.ReviewService;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Its own path under a program, so that it never competes with the program resource for the program's other paths. */
@Path("programs/{id}/changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "review")
public class ProgramChangesResource {

    @Inject
    ReviewService review;

    @GET
    @Operation(operationId = "getProgramChanges", summary = "What changed in a program between two instants, each read as "
            + "the system knew it then: milestones whose status changed (from, to, by whom, why), new at-risk and overdue "
            + "milestones, targets whose RAG changed, roll-up and metric movement per pillar and department, check-ins "
            + "and overrides made")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "404", description = "No such program")
    public ProgramChangesResponse changes(@PathParam("id") long id,
            @Parameter(description = "a day (its start, UTC) or an instant; default the last recorded review, else 90 days "
                    + "before to", schema = @Schema(type = SchemaType.STRING)) @QueryParam("from") String from,
            @Parameter(description = "a day (its end, UTC) or an instant; default now", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("to") String to) {
        Violations violations = new Violations();
        Instant start = TimeParameters.instant(violations, "from", from, false);
        Instant end = TimeParameters.instant(violations, "to", to, true);
        violations.throwIfAny();
        return ProgramChangesResponse.of(review.changes(id, start, end));
    }
}
