package io.cxtracker.api.metric;

import io.cxtracker.domain.metric.MetricSetupService;
import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.api.problem.Problem;
import io.cxtracker.api.shared.JsonBodyReader;
import io.cxtracker.api.shared.LargeBody;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.api.shared.QueryParameters;
import io.cxtracker.api.shared.RecordBinder;
import io.cxtracker.api.shared.SerializedOnce;
import io.cxtracker.api.targets.TargetResponse;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.IngestionReport;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.NewReading;
import io.cxtracker.domain.metric.ReadingIngestionService;
import io.cxtracker.domain.metric.ReadingOutcome;
import io.cxtracker.domain.progress.AsOfTargetService;
import io.cxtracker.domain.progress.MetricTrend;
import io.cxtracker.domain.progress.MetricTrendService;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.TargetService;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("metrics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "metrics", description = "Customer metrics, their readings (bulk, idempotent) and their exact series")
public class MetricResource {
    /** The most readings one request may carry. */
    public static final int MAX_BATCH = ReadingIngestionService.MAX_BATCH;
    /** Today's trends' JSON per result of the read cache: served again as bytes while the cache serves the result. */
    private static final SerializedOnce SERIES_JSON = new SerializedOnce(64);

    @Inject
    MetricSetupService setup;

    @Inject
    ReadingIngestionService ingestion;

    @Inject
    MetricTrendService trends;

    @Inject
    TargetService targets;

    @Inject
    AsOfTargetService targetsAsOf;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listMetrics", summary = "List metric definitions by key, paged")
    @APIResponse(responseCode = "200", description = "A page of metrics with the total")
    @APIResponse(responseCode = "400", description = "A bad paging parameter")
    public PageResponse<MetricResponse> list(
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit) {
        PageRequest page = PageParameters.from(offset, limit, null);
        List<MetricSummary> all = setup.metrics();
        int from = Math.min(page.offset(), all.size());
        int to = (int) Math.min((long) from + page.limit(), all.size());
        return PageResponse.of(new Page<>(all.subList(from, to), all.size()), page, MetricResponse::of);
    }

    @GET
    @Path("{key}")
    @Operation(operationId = "getMetric", summary = "One metric's definition")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "No such metric")
    public MetricResponse get(@PathParam("key") String key) {
        return MetricResponse.of(setup.getMetric(key));
    }

    @POST
    @Operation(operationId = "createMetric", summary = "Define a metric (program admins)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = MetricResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed")
    @APIResponse(responseCode = "403", description = "Only program admins define metrics")
    @APIResponse(responseCode = "409", description = "The key is taken")
    public Response create(@RequestBody(required = true) MetricRequest request) {
        MetricSummary created = setup.defineMetric(new NewMetric(request.key(), request.name(), request.unit(),
                request.kind(), request.direction(), request.ownerDepartment(), request.expectedFrequency()));
        return Response.created(uri.getBaseUriBuilder().path("metrics").path(created.key()).build())
                .entity(MetricResponse.of(created))
                .build();
    }

    /**
     * Bulk ingestion. The body is a JSON array of 1 to {@value #MAX_BATCH} readings. Each item is judged on its
     * own: ACCEPTED (stored), DUPLICATE (its idempotency key, for this metric and source, was stored before or
     * earlier in the batch: nothing is stored again) or REJECTED with the reasons (wrong shape or broken rule:
     * nothing of it is stored). The good items of a batch with some bad ones are stored; a reading is one row,
     * so an item is stored whole or not at all. The batch is one transaction: if the request fails (5xx),
     * nothing of it was stored and it can be resent as it is. Sending the same batch again changes nothing
     * (every item DUPLICATE), also when two requests with overlapping keys race.
     */
    @POST
    @Path("{key}/readings")
    @LargeBody
    @Operation(operationId = "ingestReadings", summary = "Push up to " + MAX_BATCH + " readings of the metric (metrics-ingest clients, program admins); "
            + "per item ACCEPTED, DUPLICATE or REJECTED with reasons; idempotent by the sender's key",
            description = "Good items are stored, bad ones rejected with reasons, never a half-written item. The batch is one "
                    + "transaction; resending it changes nothing. Body up to 10 MB (cx.api.max-bulk-body-bytes).")
    @APIResponse(responseCode = "200", description = "Every item's outcome",
            content = @Content(schema = @Schema(implementation = IngestionResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of 1 to " + MAX_BATCH + " readings")
    @APIResponse(responseCode = "403", description = "Only metrics-ingest clients and program admins push readings")
    @APIResponse(responseCode = "404", description = "No such metric")
    @APIResponse(responseCode = "413", description = "The body is larger than the bulk limit")
    public IngestionResponse ingest(@PathParam("key") String key,
            @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ReadingRequest.class, maxItems = MAX_BATCH))) JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException("body", "must be a JSON array of readings");
        }
        if (body.isEmpty() || body.size() > MAX_BATCH) {
            throw new InvalidInputException("body", "must hold 1 to " + MAX_BATCH + " readings; split larger batches");
        }
        setup.getMetric(key);
        RecordBinder binder = Binder.INSTANCE;
        List<NewReading> batch = new ArrayList<>(body.size());
        List<List<Problem.FieldError>> shapeErrors = new ArrayList<>(body.size());
        for (JsonNode item : body) {
            RecordBinder.Result<ReadingRequest> bound = binder.bind(item, ReadingRequest.class, "");
            if (bound.isValid()) {
                ReadingRequest r = bound.value();
                batch.add(new NewReading(key, r.day(), r.departmentCode(), r.channel(), r.statistics().toInput(),
                        r.source(), r.idempotencyKey()));
                shapeErrors.add(null);
            } else {
                // a null item is rejected by the service; its reasons are the shape's, given below
                batch.add(null);
                shapeErrors.add(bound.violations().stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
            }
        }
        IngestionReport report = ingestion.ingest(batch);
        List<ReadingOutcomeResponse> items = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ReadingOutcome outcome = report.items().get(i);
            items.add(shapeErrors.get(i) == null
                    ? ReadingOutcomeResponse.of(outcome, i)
                    : ReadingOutcomeResponse.rejected(i, idempotencyKeyOf(body.get(i)), shapeErrors.get(i)));
        }
        return new IngestionResponse(report.accepted(), report.duplicates(), report.rejected(), items);
    }

    @GET
    @Path("{key}/series")
    @Operation(operationId = "getMetricSeries", summary = "The metric per day, week, month or quarter, exact from merged statistics, with the targets "
            + "of the same scope: target line, forecast at the due date and RAG today")
    @APIResponse(responseCode = "200", description = "The series",
            content = @Content(schema = @Schema(implementation = SeriesResponse.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "404", description = "No such metric")
    public Response series(@PathParam("key") String key,
            @Parameter(description = "first day, e.g. 2026-01-01", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day (included)", required = true) @QueryParam("to") String to,
            @Parameter(description = "department code; default every reading") @QueryParam("department") String department,
            @Parameter(description = "channel, e.g. phone; default every channel") @QueryParam("channel") String channel,
            @Parameter(description = "day, week (ISO, from Monday), month or quarter; default day") @QueryParam("granularity")
            String granularity,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        LocalDate start = QueryParameters.date(violations, "from", from);
        LocalDate end = QueryParameters.date(violations, "to", to);
        violations.check(from != null && !from.isBlank(), "from", "is required");
        violations.check(to != null && !to.isBlank(), "to", "is required");
        Granularity size = QueryParameters.enumOf(violations, "granularity", granularity, Granularity.class);
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        MetricTrend trend = trends.trend(key, start, end, department, channel, size == null ? Granularity.DAY : size, when);
        if (when != null) {
            return Response.ok(SeriesResponse.of(trend)).build();
        }
        return Response.ok(SERIES_JSON.json(trend, () -> SeriesResponse.of(trend)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{key}/targets")
    @Operation(operationId = "listMetricTargets", summary = "The metric's targets for a scope (a department's, or the company-wide ones), each with today's verdict "
            + "(with asOf, the targets set by then with their numbers and verdict of then)")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "400", description = "A bad parameter")
    @APIResponse(responseCode = "404", description = "No such metric")
    public List<TargetResponse> targets(@PathParam("key") String key,
            @Parameter(description = "department code; default the company-wide targets") @QueryParam("department") String department,
            @Parameter(description = QueryParameters.AS_OF, schema = @Schema(type = SchemaType.STRING))
            @QueryParam("asOf") String asOf) {
        Violations violations = new Violations();
        AsOf when = QueryParameters.asOf(violations, "asOf", asOf);
        violations.throwIfAny();
        setup.getMetric(key);
        return targetsOf(key, department, when);
    }

    private List<TargetResponse> targetsOf(String key, String department, AsOf when) {
        return (when == null ? targets.ofMetric(key, department) : targetsAsOf.ofMetric(key, department, when)).stream()
                .map(TargetResponse::of).toList();
    }

    private static String idempotencyKeyOf(JsonNode item) {
        JsonNode key = item == null ? null : item.get("idempotencyKey");
        return key != null && key.isTextual() && key.textValue().length() <= 200 ? key.textValue() : null;
    }

    /** One binder for the bulk items, with the container's validator. */
    private static final class Binder {
        static final RecordBinder INSTANCE = JsonBodyReader.standaloneBinder();
    }
}
