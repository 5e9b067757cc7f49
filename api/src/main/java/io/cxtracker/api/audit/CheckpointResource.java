package io.cxtracker.api.audit;

import io.cxtracker.api.shared.PageParameters;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.audit.CheckpointClaim;
import io.cxtracker.domain.audit.CheckpointService;
import io.cxtracker.domain.audit.Ed25519;
import io.cxtracker.domain.shared.InvalidInputException;
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
import jakarta.ws.rs.core.MediaType;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit/checkpoints")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The append-only, hash-chained record of every write")
public class CheckpointResource {

    @Inject
    CheckpointService checkpoints;

    @GET
    @Operation(operationId = "listAuditCheckpoints", summary = "List the signed checkpoints of the audit chain, newest first (sort=id, seq or signedAt; '-' descending)")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins read checkpoints")
    public PageResponse<CheckpointResponse> list(
            @Parameter(description = "items to skip, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "page size 1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "id, seq or signedAt; prefix '-' for descending") @QueryParam("sort") String sort) {
        PageRequest page = PageParameters.from(offset, limit, sort);
        var found = checkpoints.list(page);
        return new PageResponse<>(found.items().stream().map(CheckpointResponse::of).toList(), found.total(),
                page.offset(), page.limit());
    }

    @GET
    @Path("signing-key")
    @Operation(operationId = "getCheckpointSigningKey", summary = "The public half of the Ed25519 key that signs checkpoints (PEM), and its fingerprint")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins read checkpoints")
    public SigningKeyResponse signingKey() {
        PublicKey key = checkpoints.signingKey();
        return new SigningKeyResponse(Ed25519.ALGORITHM, Ed25519.fingerprint(key), Ed25519.publicKeyPem(key));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAuditCheckpoint", summary = "One signed checkpoint")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such checkpoint")
    public CheckpointResponse get(@PathParam("id") String id) {
        return CheckpointResponse.of(checkpoints.get(id(id)));
    }

    @GET
    @Path("{id}/verify")
    @Operation(operationId = "verifyStoredAuditCheckpoint", summary = "Does the current chain still contain this stored checkpoint's head and everything before it?")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "No such checkpoint")
    public CheckpointVerificationResponse verifyStored(@PathParam("id") String id) {
        return CheckpointVerificationResponse.of(checkpoints.verify(id(id)));
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAuditCheckpointClaim", summary = "Does the current chain still contain this checkpoint's head (as a report carries it) and "
            + "everything before it? Reads only.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "A missing or malformed field; every bad one is listed")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins verify the audit trail")
    public CheckpointVerificationResponse verify(CheckpointClaimRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "is required: {seq, hash, signedAt, signature, keyFingerprint}");
        }
        Violations violations = new Violations();
        Instant signedAt = null;
        if (body.signedAt() != null && !body.signedAt().isBlank()) {
            try {
                signedAt = Instant.parse(body.signedAt().strip());
            } catch (DateTimeParseException e) {
                violations.add("signedAt", "must be an instant such as 2026-12-07T00:00:00.123456Z");
            }
        }
        Instant at = signedAt;
        CheckpointClaim claim = violations.capture(() -> new CheckpointClaim(body.seq(), body.hash(), at, body.signature(),
                body.keyFingerprint()));
        violations.throwIfAny();
        return CheckpointVerificationResponse.of(checkpoints.verify(claim));
    }

    private static long id(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidInputException("id", "must be a positive whole number");
    }
}
