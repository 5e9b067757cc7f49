package io.cxtracker.api.webhook;

import io.cxtracker.api.shared.ETags;
import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.alert.webhook.Webhook;
import io.cxtracker.domain.alert.webhook.WebhookDispatcher;
import io.cxtracker.domain.alert.webhook.WebhookService;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A program's webhooks: program admins register a receiver's URL for some alert kinds, get the signing secret once,
 * switch it on and off, send a test and read the delivery log. Everyone else is refused, reads included.
 */
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks", description = "Signed deliveries of a program's alerts to other systems (Slack, Teams, your own)")
public class WebhookResource {
    private static final String IF_MATCH = "the ETag of the version read";
    private static final String ADMINS_ONLY = "Only program admins manage webhooks";

    @Inject
    WebhookService webhooks;

    @Inject
    WebhookDispatcher dispatcher;

    @Context
    UriInfo uri;

    @GET
    @Operation(operationId = "listWebhooks", summary = "The webhooks, of one program or all, newest first (program admins)")
    @APIResponse(responseCode = "200", description = "A page of webhooks with the total; never their secrets")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = ADMINS_ONLY)
    public PageResponse<WebhookResponse> list(
            @Parameter(description = "program id") @QueryParam("program") String program,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit) {
        Violations violations = new Violations();
        Long programId = null;
        if (program != null) {
            try {
                programId = Long.parseLong(program.strip());
            } catch (NumberFormatException e) {
                violations.add("program", "must be a program id");
            }
        }
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, null));
        violations.throwIfAny();
        return PageResponse.of(webhooks.list(programId, page), page, WebhookResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook (program admins); the ETag is its version")
    @APIResponse(responseCode = "200", description = "The webhook, without its secret", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "403", description = ADMINS_ONLY)
    @APIResponse(responseCode = "404", description = "No such webhook")
    public Response get(@PathParam("id") long id) {
        return answer(webhooks.get(id), Response.ok());
    }

    @POST
    @Operation(operationId = "registerWebhook", summary = "Register a webhook for a program (program admins); the answer "
            + "carries the signing secret, the only time it is shown")
    @APIResponse(responseCode = "201", description = "Registered", headers = {@Header(name = HttpHeaders.ETAG),
            @Header(name = HttpHeaders.LOCATION)}, content = @Content(schema = @Schema(implementation = RegisteredWebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed, nothing is stored")
    @APIResponse(responseCode = "403", description = ADMINS_ONLY)
    @APIResponse(responseCode = "404", description = "No such program")
    public Response register(@RequestBody(required = true) WebhookRequest request) {
        WebhookService.Registered registered = webhooks.register(request.programId(), request.draft());
        return Response.created(uri.getBaseUriBuilder().path("webhooks").path(String.valueOf(registered.webhook().id())).build())
                .entity(RegisteredWebhookResponse.of(registered))
                .tag(ETags.of(registered.webhook().version()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateWebhook", summary = "Change a webhook's URL, kinds or switch (program admins); needs "
            + "If-Match with its ETag")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = HttpHeaders.ETAG),
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; every bad field is listed, nothing is stored")
    @APIResponse(responseCode = "403", description = ADMINS_ONLY)
    @APIResponse(responseCode = "404", description = "No such webhook")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true) WebhookUpdateRequest request) {
        long version = ETags.expectedVersion(ifMatch);
        return answer(webhooks.revise(id, version, request.draft()), Response.ok());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "removeWebhook", summary = "Remove a webhook and its delivery log (program admins); needs If-Match")
    @APIResponse(responseCode = "204", description = "Removed; nothing more is sent to it")
    @APIResponse(responseCode = "403", description = ADMINS_ONLY)
    @APIResponse(responseCode = "404", description = "No such webhook")
    @APIResponse(responseCode = "412", description = "If-Match names an older version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response remove(@PathParam("id") long id,
            @Parameter(description = IF_MATCH, required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long version = ETags.expectedVersion(ifMatch);
        webhooks.remove(id, version);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/tests")
    @Operation(operationId = "sendWebhookTest", summary = "Send a signed test delivery now (program admins), also to a "
            + "disabled webhook; a failed one is retried like any delivery")
    @APIResponse(responseCode = "200", description = "The test delivery with its first attempt",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "403", description = ADMINS_ONLY)
    @APIResponse(responseCode = "404", description = "No such webhook")
    public DeliveryResponse sendTest(@PathParam("id") long id) {
        return DeliveryResponse.of(dispatcher.sendTest(id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The webhook's delivery log, newest first, each delivery "
            + "with every attempt (program admins)")
    @APIResponse(responseCode = "200", description = "A page of deliveries with the total")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = ADMINS_ONLY)
    @APIResponse(responseCode = "404", description = "No such webhook")
    public PageResponse<DeliveryResponse> deliveries(@PathParam("id") long id,
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit) {
        Violations violations = new Violations();
        PageRequest page = violations.capture(() -> PageParameters.from(offset, limit, null));
        violations.throwIfAny();
        return PageResponse.of(webhooks.deliveries(id, page), page, DeliveryResponse::of);
    }

    private static Response answer(Webhook webhook, Response.ResponseBuilder status) {
        return status.entity(WebhookResponse.of(webhook)).tag(ETags.of(webhook.version())).build();
    }
}
