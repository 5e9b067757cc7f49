package io.cxtracker.api.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.api.shared.JsonProvider;
import io.cxtracker.api.shared.PageResponse;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The milestone list's page, written once per kept page, is the JSON the generic page response gave before. */
class MilestonePageResponseTest {

    @Test
    void theConcretePageWritesWhatTheGenericPageWrote() throws Exception {
        // the second page of 2 of 3 milestones: one overdue, one not started
        Page<MilestoneStatusView> page = new Page<>(List.of(
                new MilestoneStatusView(41, "Publish the NPS playbook", 7, Pillar.LISTEN, 1, "care",
                        LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1), MilestoneStatus.OVERDUE,
                        MilestoneStatus.OVERDUE, null, List.of(), List.of()),
                new MilestoneStatusView(42, "Close the loop on detractors", 7, Pillar.CHANGE, 2, "care",
                        LocalDate.of(2026, 9, 30), LocalDate.of(2026, 4, 1), MilestoneStatus.NOT_STARTED,
                        MilestoneStatus.NOT_STARTED, null, List.of(), List.of())), 3);
        PageRequest request = new PageRequest(2, 2, "due", true);

        String concrete = JsonProvider.MAPPER.writeValueAsString(MilestonePageResponse.of(page, request));
        String generic = JsonProvider.MAPPER.writeValueAsString(PageResponse.of(page, request, MilestoneStatusResponse::of));

        assertEquals(generic, concrete);
        assertTrue(concrete.endsWith(",\"total\":3,\"offset\":2,\"limit\":2}"), concrete);
    }
}
