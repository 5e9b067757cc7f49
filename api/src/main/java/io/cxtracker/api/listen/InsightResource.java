package io.cxtracker.api.listen;

import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.domain.feedback.FeedbackService;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Insights: feedback grouped by theme, with volume, sentiment, trend and the departments concerned. */
@Path("insights")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "listen")
public class InsightResource {

    @Inject
    FeedbackService feedback;

    @GET
    @Operation(operationId = "listInsights", summary = "The themes customers mention most, with volume and sentiment per period, trend and departments")
    @APIResponse(responseCode = "200", description = "The insights, most mentioned first")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    public List<InsightResponse> list(
            @Parameter(description = "first day; default 180 days before to") @QueryParam("from") String from,
            @Parameter(description = "last day (included); default today") @QueryParam("to") String to,
            @Parameter(description = "only feedback concerning this department") @QueryParam("department") String department,
            @Parameter(description = "day, week, month (default) or quarter") @QueryParam("granularity") String granularity,
            @Parameter(description = "how many themes, 1..100, default 20") @QueryParam("limit") String limit) {
        Violations violations = new Violations();
        LocalDate first = QueryParameters.date(violations, "from", from);
        LocalDate last = QueryParameters.date(violations, "to", to);
        Granularity size = QueryParameters.enumOf(violations, "granularity", granularity, Granularity.class);
        Integer count = QueryParameters.number(violations, "limit", limit, 1, FeedbackService.MAX_INSIGHTS);
        violations.throwIfAny();
        return feedback.insights(first, last, department, size, count).stream().map(InsightResponse::of).toList();
    }

    @GET
    @Path("{theme}")
    @Operation(operationId = "getInsight", summary = "One theme over all the feedback ever received, by month")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "Nobody mentioned the theme")
    public InsightResponse get(@PathParam("theme") String theme) {
        return feedback.insight(theme).map(InsightResponse::of).orElseThrow(() -> new NotFoundException("insight", theme));
    }
}
