package io.cxtracker.api.review;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.review.ReviewService;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Marking a program reviewed now; the note is optional. */
@Schema(description = "A review of the program, recorded now")
public record ReviewRequest(
        @Size(max = ReviewService.NOTE_MAX_LENGTH, message = "must be at most " + ReviewService.NOTE_MAX_LENGTH + " characters")
        String note) implements JsonBody {
}
