package io.cxtracker.api.milestone;

import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of milestones with their status and the total. The list's JSON is written once per page the read cache
 * keeps, so the endpoint answers bytes and names this record as its schema; it is the shape (and the schema name)
 * of the generic {@code PageResponse<MilestoneStatusResponse>} it answered before, so the contract is unchanged.
 */
@Schema(name = "PageResponseMilestoneStatusResponse")
public record MilestonePageResponse(List<MilestoneStatusResponse> items, long total, int offset, int limit) {

    static MilestonePageResponse of(Page<MilestoneStatusView> page, PageRequest request) {
        return new MilestonePageResponse(page.items().stream().map(MilestoneStatusResponse::of).toList(), page.total(),
                request.offset(), request.limit());
    }
}
