package io.cxtracker.ui.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.grid.Grid;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.targets.Rag;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ViewsTest {

    @Test
    void aGridShowsAllOfTenRowsAndScrollsFromElevenOn() {
        Grid<String> grid = new Grid<>();
        Views.fitRows(grid, 10);
        assertTrue(grid.isAllRowsVisible());
        assertNull(grid.getHeight());

        Views.fitRows(grid, 11);
        assertFalse(grid.isAllRowsVisible());
        assertEquals("min(30rem, 70vh)", grid.getHeight());

        // and back, when a list shrinks to a few rows again
        Views.fitRows(grid, 0);
        assertTrue(grid.isAllRowsVisible());
        assertNull(grid.getHeight());
    }

    @Test
    void aPagedGridCountsItsRowsOnceAndFetchesNoneUntilTheBrowserAsks() {
        Grid<Integer> grid = new Grid<>();
        AtomicInteger fetches = new AtomicInteger();
        AtomicInteger counts = new AtomicInteger();
        Views.pagedItems(grid, q -> {
            fetches.incrementAndGet();
            return Stream.empty();
        }, q -> {
            counts.incrementAndGet();
            return 2000;
        });
        assertEquals(0, fetches.get());
        assertEquals(1, counts.get());
        assertFalse(grid.isAllRowsVisible(), "2,000 rows scroll in a fixed height, fetched a page at a time");
    }

    @Test
    void aListInMemoryFitsTheGridToItsSize() {
        Grid<Integer> grid = new Grid<>();
        Views.listItems(grid, List.of(1, 2, 3));
        assertTrue(grid.isAllRowsVisible());
        Views.listItems(grid, IntStream.range(0, 1001).boxed().toList());
        assertFalse(grid.isAllRowsVisible(), "1,001 rows would pass what Vaadin fetches in one go");
    }

    @Test
    void aBadgeDrawnInTheBrowserLooksLikeTheServersForEveryRag() {
        for (Rag rag : Rag.values()) {
            assertEquals(Views.rag(rag).getElement().getAttribute("theme"), Views.ragTheme(rag), rag.name());
        }
        assertEquals("badge pill error primary", Views.ragTheme(Views.ragOf(MilestoneStatus.OVERDUE)));
        assertEquals("badge pill success primary", Views.ragTheme(Views.ragOf(MilestoneStatus.DONE)));
    }
}
