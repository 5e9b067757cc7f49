package io.cxtracker.domain.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The read model the scheduled rules evaluate: a few queries over the whole plan, not one per item. */
public interface AlertFactsRepository {

    /** Every milestone of the program with its owner, its initiative's RACI and its latest check-in. */
    List<MilestoneAlertFacts> milestones(long programId);

    /** Every commitment that is neither done nor dropped. */
    List<CommitmentAlertFacts> openCommitments();

    /** For each target a milestone of the program proves: the status watchers of those milestones. */
    Map<Long, List<Audience>> targetWatchers(long programId);

    /** Check-ins recorded on the program's milestones since the instant. */
    int checkInsSince(long programId, Instant since);

    /** What the last evaluation saw of each target, by target id ({@link TargetWatch#text()}). */
    Map<Long, String> watches();

    /** Keeps what this evaluation saw, for the next one. */
    void watch(Map<Long, String> seen, LocalDate on);

    /** Titles of the target alerts stored since the day, for the digest's "new at risk". */
    List<String> targetAlertsSince(LocalDate day);
}
