package io.cxtracker.api.review;

import io.cxtracker.domain.review.ReviewMark;
import io.cxtracker.domain.review.ReviewService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("programs/{id}/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "review", description = "The executive review: what changed between two instants, and the recorded reviews")
public class ReviewResource {

    @Inject
    ReviewService review;

    @Context
    UriInfo uri;

    @GET
    @Path("latest")
    @Operation(operationId = "getLatestProgramReview", summary = "The program's latest recorded review")
    @APIResponse(responseCode = "200", description = "The review",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "404", description = "No such program, or no review recorded yet")
    public ReviewResponse latest(@PathParam("id") long id) {
        return ReviewResponse.of(review.lastReview(id)
                .orElseThrow(() -> new io.cxtracker.domain.shared.NotFoundException("review of program", String.valueOf(id))));
    }

    @POST
    @Operation(operationId = "markProgramReviewed", summary = "Record that the program was reviewed now (executives, "
            + "program admins); what changed counts from the latest review by default")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only executives and program admins mark reviews")
    @APIResponse(responseCode = "404", description = "No such program")
    public Response mark(@PathParam("id") long id, @RequestBody(required = true) ReviewRequest request) {
        ReviewMark mark = review.markReviewed(id, request.note());
        return Response.created(uri.getBaseUriBuilder().path("programs").path(String.valueOf(id)).path("reviews")
                        .path("latest").build())
                .entity(ReviewResponse.of(mark)).build();
    }
}
