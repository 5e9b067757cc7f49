package io.cxtracker.api.boardpack;

import io.cxtracker.api.audit.CheckpointVerificationResponse;
import io.cxtracker.api.report.UploadDigest;
import io.cxtracker.domain.audit.CheckpointService;
import io.cxtracker.domain.boardpack.BoardPackRecord;
import io.cxtracker.domain.boardpack.BoardPackService;
import io.cxtracker.domain.shared.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether a file is a board pack the server built, unaltered, like POST /api/reports/verify for reports. */
@Path("board-packs")
@RequestScoped
@Tag(name = "board-packs")
public class BoardPackVerificationResource {

    @Inject
    BoardPackService packs;

    @Inject
    CheckpointService checkpoints;

    @POST
    @Path("verify")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyBoardPack", summary = "Is this uploaded file (form field 'file') a board pack the server built, unaltered? Which?")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "No file")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins verify board packs")
    public BoardPackVerificationResponse verifyForm(@FormParam("file") EntityPart file) {
        // a form is read as a form, like a report's verification: a form without its file is refused, not hashed
        if (file == null) {
            throw new InvalidInputException("file", "is required: the board pack to check, as form field 'file'");
        }
        return verify(file.getContent());
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyBoardPack", summary = "Is this request body a board pack the server built, unaltered? Which?")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "An empty body")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins verify board packs")
    public BoardPackVerificationResponse verifyBody(InputStream body) {
        return verify(body);
    }

    private BoardPackVerificationResponse verify(InputStream body) {
        String sha256 = body == null ? null : UploadDigest.of(body);
        if (sha256 == null) {
            throw new InvalidInputException("file", "is empty");
        }
        BoardPackRecord match = packs.verify(sha256).orElse(null);
        CheckpointVerificationResponse checkpoint = match == null || match.checkpointId() == null ? null
                : CheckpointVerificationResponse.of(checkpoints.verify(match.checkpointId()));
        return BoardPackVerificationResponse.of(sha256, match, checkpoint);
    }

}
