package io.cxtracker.domain.commitment;

import static io.cxtracker.domain.commitment.CommitmentState.COMMITTED;
import static io.cxtracker.domain.commitment.CommitmentState.DONE;
import static io.cxtracker.domain.commitment.CommitmentState.DROPPED;
import static io.cxtracker.domain.commitment.CommitmentState.IN_PROGRESS;
import static io.cxtracker.domain.commitment.CommitmentState.PROPOSED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitmentStateTest {

    /** Every pair (from → to) the rule allows, and only those: forward, to DROPPED while open, or staying. */
    @Test
    void movesForwardOrToDroppedAndNeverOutOfAClosedState() {
        List<String> allowed = new ArrayList<>();
        for (CommitmentState from : CommitmentState.values()) {
            for (CommitmentState to : CommitmentState.values()) {
                if (from != to && from.canMoveTo(to)) {
                    allowed.add(from + "→" + to);
                }
            }
        }
        assertEquals(List.of(
                "PROPOSED→COMMITTED", "PROPOSED→IN_PROGRESS", "PROPOSED→DONE", "PROPOSED→DROPPED",
                "COMMITTED→IN_PROGRESS", "COMMITTED→DONE", "COMMITTED→DROPPED",
                "IN_PROGRESS→DONE", "IN_PROGRESS→DROPPED"), allowed);
        for (CommitmentState state : CommitmentState.values()) {
            assertEquals(true, state.canMoveTo(state), state + " may stay");
        }
    }

    @Test
    void promisedAndClosedStates() {
        assertEquals(List.of(COMMITTED, IN_PROGRESS, DONE),
                List.of(CommitmentState.values()).stream().filter(CommitmentState::isPromised).toList());
        assertEquals(List.of(DONE, DROPPED),
                List.of(CommitmentState.values()).stream().filter(CommitmentState::isClosed).toList());
        assertEquals(false, PROPOSED.isPromised());
    }
}
