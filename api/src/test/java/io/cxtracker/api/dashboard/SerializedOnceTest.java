package io.cxtracker.api.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.api.shared.JsonProvider;
import io.cxtracker.api.shared.SerializedOnce;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.progress.GroupProgress;
import io.cxtracker.domain.progress.ProgramProgress;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.targets.Rag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The dashboards' JSON kept per cached result: written once per result object, the same bytes as the API writes. */
class SerializedOnceTest {

    /** Two milestones, one red (overdue) and one not started: a red program on 1 April 2026. */
    private static ProgramProgress progress() {
        RollUpResult whole = new RollUpResult(Map.of(MilestoneStatus.OVERDUE, 1L, MilestoneStatus.NOT_STARTED, 1L), 2, 0, 0, 1,
                Rag.RED);
        return new ProgramProgress(7, "CX 2026–2028", LocalDate.of(2026, 4, 1), whole,
                List.of(new GroupProgress("11", "Listen to the customer", whole)), List.of(), List.of(),
                List.of(new GroupProgress("care", "care", whole)), Map.of(), List.of());
    }

    @Test
    void theSameResultIsWrittenOnceAndAnotherResultAgain() {
        SerializedOnce json = new SerializedOnce(4);
        AtomicInteger written = new AtomicInteger();
        ProgramProgress kept = progress();
        byte[] first = json.json(kept, () -> {
            written.incrementAndGet();
            return ProgramDashboardResponse.of(kept);
        });
        byte[] again = json.json(kept, () -> {
            written.incrementAndGet();
            return ProgramDashboardResponse.of(kept);
        });
        assertSame(first, again);
        assertEquals(1, written.get());

        // an equal result computed again after a change is another object: written again, never taken for the kept one
        ProgramProgress recomputed = progress();
        json.json(recomputed, () -> {
            written.incrementAndGet();
            return ProgramDashboardResponse.of(recomputed);
        });
        assertEquals(2, written.get());
    }

    @Test
    void theBytesAreTheApisJson() throws Exception {
        ProgramProgress p = progress();
        ProgramDashboardResponse response = ProgramDashboardResponse.of(p);
        byte[] bytes = new SerializedOnce(4).json(p, () -> response);
        assertArrayEquals(JsonProvider.MAPPER.writeValueAsBytes(response), bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"programId\":7,\"programName\":\"CX 2026–2028\",\"asOf\":\"2026-04-01\","), text);
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedResultIsWrittenAgain() {
        SerializedOnce json = new SerializedOnce(2);
        AtomicInteger written = new AtomicInteger();
        ProgramProgress a = progress();
        ProgramProgress b = progress();
        ProgramProgress c = progress();
        for (ProgramProgress p : List.of(a, b, a, c, a, b)) {
            json.json(p, () -> {
                written.incrementAndGet();
                return ProgramDashboardResponse.of(p);
            });
        }
        // a, b written; a kept; c pushes b out; a kept; b written again
        assertEquals(4, written.get());
    }
}
