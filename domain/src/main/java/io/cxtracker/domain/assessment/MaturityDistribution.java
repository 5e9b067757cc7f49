package io.cxtracker.domain.assessment;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How far "every department" has got: each department counts once, at the level of its latest
 * assessment on or before the day; departments never assessed by then are counted apart. The share of
 * customer-obsessed departments is the mature ones out of all departments (unassessed ones included,
 * because nobody has shown they are there).
 *
 * @param levels every level with its number of departments, IGNORE first
 * @param matureShare mature departments ÷ all departments, 0–1; null when there are no departments
 */
public record MaturityDistribution(LocalDate asOf, int departments, int assessed, int unassessed,
        Map<MaturityLevel, Integer> levels, Double matureShare) {

    public MaturityDistribution {
        levels = Collections.unmodifiableMap(new EnumMap<>(levels));
    }

    /**
     * @param latestLevels the latest level of each assessed department (one entry per department)
     * @param departments how many departments there are in all
     */
    public static MaturityDistribution of(LocalDate asOf, Collection<MaturityLevel> latestLevels, int departments) {
        if (latestLevels.size() > departments) {
            throw new IllegalArgumentException(latestLevels.size() + " assessed departments out of " + departments);
        }
        Map<MaturityLevel, Integer> counts = new EnumMap<>(MaturityLevel.class);
        for (MaturityLevel level : MaturityLevel.values()) {
            counts.put(level, 0);
        }
        latestLevels.forEach(level -> counts.merge(level, 1, Integer::sum));
        Double share = departments == 0 ? null : (double) counts.get(MaturityLevel.MATURE) / departments;
        return new MaturityDistribution(asOf, departments, latestLevels.size(), departments - latestLevels.size(), counts,
                share);
    }
}
