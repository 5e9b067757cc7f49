package io.cxtracker.api.alert;

import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.alert.AlertService;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own inbox: the alerts addressed to their departments' leads or to their role, of the kinds they
 * did not silence in {@code /api/alert-preferences}. There is no way to ask for someone else's.
 */
@Path("alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts", description = "Reminders and alerts: the caller's inbox")
public class AlertResource {

    @Inject
    AlertService alerts;

    @GET
    @Operation(operationId = "listMyAlerts", summary = "The caller's alerts, newest first, paged")
    @APIResponse(responseCode = "200", description = "A page of alerts with the total")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = "Only leads, executives, auditors and program admins have an inbox")
    public PageResponse<AlertResponse> list(
            @Parameter(description = "true: only the unread ones; default false") @QueryParam("unreadOnly") String unreadOnly,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit) {
        Violations violations = new Violations();
        boolean unread = false;
        if (unreadOnly != null && !unreadOnly.equals("false")) {
            unread = unreadOnly.equals("true");
            violations.check(unread, "unreadOnly", "must be true or false");
        }
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, null));
        violations.throwIfAny();
        return PageResponse.of(alerts.inbox(unread, page), page, AlertResponse::of);
    }

    @GET
    @Path("unread-count")
    @Operation(operationId = "countMyUnreadAlerts", summary = "How many of the caller's alerts are unread (the bell)")
    @APIResponse(responseCode = "200", description = "The count")
    @APIResponse(responseCode = "403", description = "Only leads, executives, auditors and program admins have an inbox")
    public UnreadCountResponse unreadCount() {
        return new UnreadCountResponse(alerts.unreadCount());
    }

    @POST
    @Path("{id}/read")
    @Operation(operationId = "markAlertRead", summary = "Mark one of the caller's alerts read (again: no change)")
    @APIResponse(responseCode = "200", description = "The alert, read")
    @APIResponse(responseCode = "403", description = "Only leads, executives, auditors and program admins have an inbox")
    @APIResponse(responseCode = "404", description = "No such alert in the caller's inbox")
    public AlertResponse markRead(@PathParam("id") long id) {
        return AlertResponse.of(alerts.markRead(id));
    }

    @POST
    @Path("evaluations")
    @Operation(operationId = "runAlertRules", summary = "Run the scheduled alert rules now (program admins); "
            + "what an earlier run stored is not stored again")
    @APIResponse(responseCode = "200", description = "What the run raised and stored")
    @APIResponse(responseCode = "403", description = "Only program admins run the rules")
    public AlertEvaluationResponse evaluate() {
        return AlertEvaluationResponse.of(alerts.evaluateNow());
    }
}
