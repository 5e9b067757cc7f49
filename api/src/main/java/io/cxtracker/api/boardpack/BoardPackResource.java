package io.cxtracker.api.boardpack;

import io.cxtracker.api.audit.TimeParameters;
import io.cxtracker.domain.boardpack.BoardPackFormat;
import io.cxtracker.domain.boardpack.BoardPackHeader;
import io.cxtracker.domain.boardpack.BoardPackService;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The quarterly board pack of a program, built on request (POST: every pack is recorded, under a signed
 * audit checkpoint). Checking a file: {@link BoardPackVerificationResource}.
 */
@Path("programs/{id}/board-packs")
@RequestScoped
@Tag(name = "board-packs", description = "Board packs (PPTX, PDF) of a program as of a day, and their verification")
public class BoardPackResource {
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String PDF = "application/pdf";

    @Inject
    BoardPackService packs;

    @Context
    HttpHeaders headers;

    @POST
    // JSON too: a client that accepts only JSON (the API's default) gets the pack rather than a 406, and its
    // refusals (400, 403, 404) as JSON problems
    @Produces({PPTX, PDF, MediaType.APPLICATION_JSON})
    @Operation(operationId = "buildBoardPack", summary = "The program's board pack as of a day, in PPTX or PDF, streamed",
            description = "Title and as-of, program RAG, pillars × phases, a scorecard per department, top risks and why, "
                    + "headline metric trends against target and forecast, what changed since the last review, and the "
                    + "overdue items. Format by 'format', else by Accept, else PDF. The server records the file's SHA-256 "
                    + "and the signed audit checkpoint it was built under, for POST /api/board-packs/verify.")
    @APIResponse(responseCode = "200", description = "The pack, streamed; X-Board-Pack-Id names it")
    @APIResponse(responseCode = "400", description = "A bad parameter; every bad one is listed")
    @APIResponse(responseCode = "403", description = "Only executives, auditors and program admins build board packs")
    @APIResponse(responseCode = "404", description = "No such program")
    public Response build(@PathParam("id") long programId,
            @Parameter(description = "the day the pack shows (UTC), not after today; default today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("asOf") String asOf,
            @Parameter(description = "first day of 'what changed'; default the last review's as-of day, else three months before asOf",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("since") String since,
            @Parameter(description = "pptx or pdf; overrides Accept",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"pptx", "pdf"})) @QueryParam("format") String format) {
        Violations violations = new Violations();
        LocalDate day = TimeParameters.day(violations, "asOf", asOf);
        LocalDate from = TimeParameters.day(violations, "since", since);
        BoardPackFormat chosen = violations.capture(() -> chooseFormat(format, headers.getAcceptableMediaTypes()));
        violations.throwIfAny();
        BoardPackHeader header = packs.prepare(programId, day, from, chosen);
        StreamingOutput body = out -> packs.export(header, out);
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + header.fileName() + "\"")
                .header("X-Board-Pack-Id", header.packId().toString())
                .build();
    }

    /** {@code format} wins; else the first acceptable media type (by quality) that is PPTX or PDF; else PDF. */
    static BoardPackFormat chooseFormat(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            return BoardPackFormat.byName(format)
                    .orElseThrow(() -> new InvalidInputException("format", "must be pptx or pdf"));
        }
        for (MediaType wanted : acceptable) {
            if (wanted.isWildcardType()) {
                break;
            }
            for (BoardPackFormat candidate : BoardPackFormat.values()) {
                if (wanted.isCompatible(MediaType.valueOf(candidate.mediaType()))) {
                    return candidate;
                }
            }
        }
        return BoardPackFormat.PDF;
    }
}
