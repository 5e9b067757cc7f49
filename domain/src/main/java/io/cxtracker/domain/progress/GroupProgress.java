package io.cxtracker.domain.progress;

import io.cxtracker.domain.rollup.RollUpResult;

/**
 * One group of a roll-up (an initiative, a pillar, a phase or a department).
 *
 * @param key the group's stable key: initiative id, pillar name, phase number or department code
 * @param label what to show
 */
public record GroupProgress(String key, String label, RollUpResult rollUp) {
}
