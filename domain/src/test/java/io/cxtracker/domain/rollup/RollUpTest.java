package io.cxtracker.domain.rollup;

import static io.cxtracker.domain.milestone.MilestoneStatus.ACHIEVED;
import static io.cxtracker.domain.milestone.MilestoneStatus.AT_RISK;
import static io.cxtracker.domain.milestone.MilestoneStatus.BLOCKED;
import static io.cxtracker.domain.milestone.MilestoneStatus.DONE;
import static io.cxtracker.domain.milestone.MilestoneStatus.IN_PROGRESS;
import static io.cxtracker.domain.milestone.MilestoneStatus.MISSED;
import static io.cxtracker.domain.milestone.MilestoneStatus.NOT_STARTED;
import static io.cxtracker.domain.milestone.MilestoneStatus.OFF_TRACK;
import static io.cxtracker.domain.milestone.MilestoneStatus.ON_TRACK;
import static io.cxtracker.domain.milestone.MilestoneStatus.OVERDUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.targets.Rag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollUpTest {

    record Item(String department, MilestoneStatus status, double weight) {
    }

    private static RollUpResult rollUpWeighted(List<Item> items) {
        return RollUp.of(items, Item::status, Item::weight);
    }

    @Test
    void countsByStatusAndWeightedSharesOfOneDepartment() {
        // weights: healthy ACHIEVED 2 + ON_TRACK 1 + IN_PROGRESS 1 = 4; red OFF_TRACK 2; amber AT_RISK 1;
        // neutral NOT_STARTED 1; total 8 → on track 4/8 = 0.5, red 2/8 = 0.25, amber 1/8 = 0.125
        // red 0.25 is not above 1/3 but there is red → AMBER
        RollUpResult support = rollUpWeighted(List.of(
                new Item("support", ACHIEVED, 2),
                new Item("support", ON_TRACK, 1),
                new Item("support", IN_PROGRESS, 1),
                new Item("support", OFF_TRACK, 2),
                new Item("support", AT_RISK, 1),
                new Item("support", NOT_STARTED, 1)));

        assertEquals(6, support.itemCount());
        assertEquals(1, support.count(ACHIEVED));
        assertEquals(1, support.count(OFF_TRACK));
        assertEquals(0, support.count(MISSED));
        assertEquals(8.0, support.totalWeight());
        assertEquals(0.5, support.onTrackShare());
        assertEquals(0.25, support.redShare());
        assertEquals(0.125, support.amberShare());
        assertEquals(Rag.AMBER, support.rag());
    }

    @Test
    void moreThanAThirdRedMakesTheGroupRed() {
        // DONE 1 healthy; MISSED, OVERDUE, BLOCKED 3 red; total 4 → red 3/4 = 0.75 > 1/3
        RollUpResult billing = rollUpWeighted(List.of(
                new Item("billing", DONE, 1),
                new Item("billing", MISSED, 1),
                new Item("billing", OVERDUE, 1),
                new Item("billing", BLOCKED, 1)));

        assertEquals(0.25, billing.onTrackShare());
        assertEquals(0.75, billing.redShare());
        assertEquals(Rag.RED, billing.rag());
    }

    @Test
    void exactlyAThirdRedIsAmber() {
        RollUpResult group = rollUpWeighted(List.of(
                new Item("sales", ON_TRACK, 1), new Item("sales", ON_TRACK, 1), new Item("sales", MISSED, 1)));

        assertEquals(1.0 / 3.0, group.redShare());
        assertEquals(Rag.AMBER, group.rag());
    }

    @Test
    void weightsChangeTheVerdict() {
        // equal weights: red 1 of 4 = 0.25 → AMBER; the red milestone weighing 2 of 5 = 0.4 → RED
        List<Item> equal = List.of(new Item("it", OFF_TRACK, 1), new Item("it", ON_TRACK, 1),
                new Item("it", ON_TRACK, 1), new Item("it", ON_TRACK, 1));
        List<Item> weighted = List.of(new Item("it", OFF_TRACK, 2), new Item("it", ON_TRACK, 1),
                new Item("it", ON_TRACK, 1), new Item("it", ON_TRACK, 1));

        assertEquals(Rag.AMBER, RollUp.of(equal, Item::status, item -> RollUp.DEFAULT_WEIGHT).rag());
        assertEquals(0.4, rollUpWeighted(weighted).redShare());
        assertEquals(Rag.RED, rollUpWeighted(weighted).rag());
    }

    @Test
    void healthyAndNotStartedAloneAreGreen() {
        // on track 2 of 3 = 0.666…; NOT_STARTED counts in the total but is neither healthy nor at risk
        RollUpResult group = rollUpWeighted(List.of(
                new Item("hr", ON_TRACK, 1), new Item("hr", DONE, 1), new Item("hr", NOT_STARTED, 1)));

        assertEquals(Rag.GREEN, group.rag());
        assertEquals(0.6667, group.onTrackShare(), 1e-4);
    }

    @Test
    void anEmptyGroupHasNoData() {
        RollUpResult empty = rollUpWeighted(List.of());

        assertEquals(Rag.NO_DATA, empty.rag());
        assertEquals(0, empty.itemCount());
        assertEquals(0.0, empty.onTrackShare());
    }

    @Test
    void itemsAreGroupedByTheGivenKeyWithEqualWeightsByDefault() {
        // support: ON_TRACK, AT_RISK → on track 1/2, AMBER; billing: MISSED → red 1/1, RED
        List<Item> items = List.of(
                new Item("support", ON_TRACK, 5), new Item("billing", MISSED, 5), new Item("support", AT_RISK, 1));

        Map<String, RollUpResult> byDepartment = RollUp.rollUp(items, Item::department, Item::status);

        assertEquals(List.of("support", "billing"), List.copyOf(byDepartment.keySet()));
        assertEquals(2.0, byDepartment.get("support").totalWeight());
        assertEquals(0.5, byDepartment.get("support").onTrackShare());
        assertEquals(Rag.AMBER, byDepartment.get("support").rag());
        assertEquals(1, byDepartment.get("billing").count(MISSED));
        assertEquals(Rag.RED, byDepartment.get("billing").rag());

        // the whole program is one group: 1 red of 3 equally weighted → exactly a third → AMBER
        RollUpResult program = RollUp.rollUp(items, item -> "program", Item::status).get("program");
        assertEquals(3, program.itemCount());
        assertEquals(Rag.AMBER, program.rag());
    }

    @Test
    void weightsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> rollUpWeighted(List.of(new Item("it", DONE, 0))));
        assertThrows(IllegalArgumentException.class, () -> rollUpWeighted(List.of(new Item("it", DONE, -1))));
        assertThrows(IllegalArgumentException.class, () -> rollUpWeighted(List.of(new Item("it", DONE, Double.NaN))));
    }

    @Test
    void everyStatusHasAHealth() {
        for (MilestoneStatus status : MilestoneStatus.values()) {
            StatusHealth.of(status);
        }
        assertEquals(StatusHealth.HEALTHY, StatusHealth.of(IN_PROGRESS));
        assertEquals(StatusHealth.RED, StatusHealth.of(BLOCKED));
        assertEquals(StatusHealth.AMBER, StatusHealth.of(AT_RISK));
        assertEquals(StatusHealth.NEUTRAL, StatusHealth.of(NOT_STARTED));
    }
}
