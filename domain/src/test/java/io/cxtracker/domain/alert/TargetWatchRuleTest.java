package io.cxtracker.domain.alert;

import static io.cxtracker.domain.alert.AlertFixtures.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.targets.Rag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetWatchRuleTest {
    private final TargetWatchRule rule = new TargetWatchRule();
    private static final List<Audience> WATCHERS = AlertFixtures.RACI.statusWatchers();

    private static TargetAlertFacts target(Rag rag, boolean reaching) {
        return new TargetAlertFacts(11, "csat", "support", new TargetWatch(rag, reaching), "CSAT 78.0 against 85.0.",
                WATCHERS);
    }

    private List<String> kindsAndAudiences(TargetAlertFacts now, TargetWatch before) {
        return rule.evaluate(now, Optional.ofNullable(before), TODAY).stream()
                .map(a -> a.kind() + " " + a.audience().value()).toList();
    }

    @Test
    void greenToAmberTellsAccountableAndInformedButNotResponsible() {
        assertEquals(List.of("TARGET_STATUS leads:support", "TARGET_STATUS leads:sales"),
                kindsAndAudiences(target(Rag.AMBER, true), new TargetWatch(Rag.GREEN, true)));
    }

    @Test
    void amberToRedIsANewChangeAndRedToRedIsNone() {
        assertEquals(2, kindsAndAudiences(target(Rag.RED, true), new TargetWatch(Rag.AMBER, true)).size());
        assertEquals(List.of(), kindsAndAudiences(target(Rag.RED, true), new TargetWatch(Rag.RED, true)));
    }

    @Test
    void backToGreenIsNoAlert() {
        assertEquals(List.of(), kindsAndAudiences(target(Rag.GREEN, true), new TargetWatch(Rag.RED, false)));
    }

    @Test
    void staleDataIsNoDataWithItsOwnTitle() {
        NewAlert alert = rule.evaluate(target(Rag.NO_DATA, false), Optional.of(new TargetWatch(Rag.GREEN, true)), TODAY)
                .getFirst();
        assertEquals("No data: csat (support)", alert.title());
        assertEquals("NO_DATA@2026-03-20", alert.period());
        // no data is not a forecast crossing: there is no forecast to cross
        assertEquals(2, rule.evaluate(target(Rag.NO_DATA, false), Optional.of(new TargetWatch(Rag.GREEN, true)), TODAY)
                .size());
    }

    @Test
    void aForecastCrossingFromReachingToMissingIsItsOwnAlert() {
        assertEquals(List.of("FORECAST_MISSING leads:support", "FORECAST_MISSING leads:sales"),
                kindsAndAudiences(target(Rag.GREEN, false), new TargetWatch(Rag.GREEN, true)));
        assertEquals(List.of(), kindsAndAudiences(target(Rag.GREEN, false), new TargetWatch(Rag.GREEN, false)));
    }

    @Test
    void firstSightCountsAsGreenAndReaching() {
        assertEquals(List.of("TARGET_STATUS leads:support", "TARGET_STATUS leads:sales",
                "FORECAST_MISSING leads:support", "FORECAST_MISSING leads:sales"),
                kindsAndAudiences(target(Rag.RED, false), null));
        assertEquals(List.of(), kindsAndAudiences(target(Rag.GREEN, true), null));
    }

    @Test
    void theWatchRoundTripsThroughItsText() {
        assertEquals(Optional.of(new TargetWatch(Rag.AMBER, false)), TargetWatch.parse("AMBER/missing"));
        assertEquals(Optional.empty(), TargetWatch.parse("PURPLE/reaching"));
        assertEquals(Optional.empty(), TargetWatch.parse(null));
    }
}
