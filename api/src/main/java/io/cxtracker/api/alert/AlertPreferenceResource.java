package io.cxtracker.api.alert;

import io.cxtracker.domain.alert.AlertPreferenceService;
import io.cxtracker.domain.alert.PreferenceChoice;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own alert preferences: channel and frequency per kind. */
@Path("alert-preferences")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "alerts", description = "Reminders and alerts: the caller's inbox")
public class AlertPreferenceResource {

    @Inject
    AlertPreferenceService preferences;

    @GET
    @Operation(operationId = "getMyAlertPreferences", summary = "The caller's choice for every kind (default: in-app, immediate)")
    @APIResponse(responseCode = "200", description = "One entry per kind")
    @APIResponse(responseCode = "403", description = "Only leads, executives, auditors and program admins have preferences")
    public List<AlertPreferenceResponse> mine() {
        return preferences.mine().stream().map(AlertPreferenceResponse::of).toList();
    }

    @PUT
    @Operation(operationId = "updateMyAlertPreferences", summary = "Change the caller's choices for the kinds named")
    @APIResponse(responseCode = "200", description = "The caller's choice for every kind, after the change")
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed, nothing is stored")
    @APIResponse(responseCode = "403", description = "Only leads, executives, auditors and program admins have preferences")
    public List<AlertPreferenceResponse> update(@RequestBody(required = true) AlertPreferencesRequest request) {
        List<PreferenceChoice> choices = request.preferences().stream()
                .map(c -> new PreferenceChoice(c.kind(), c.channel(), c.frequency())).toList();
        return preferences.update(choices).stream().map(AlertPreferenceResponse::of).toList();
    }
}
