package io.cxtracker.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What demo program to generate. The same parameters always give the same program (the seed drives every
 * random choice), so a demo, a test and a benchmark run can be compared.
 *
 * @param seed drives every random choice
 * @param asOf "today": data runs up to the day before, targets are tuned to read met, at risk, off track
 *        and no data on this day
 * @param programStart the first day of the program and of its data
 * @param programYears how many one-year phases the program has (Transform, Optimize, Sustain, …)
 * @param departments how many departments (the ten named ones first, then regional teams of them)
 * @param milestones how many milestones, spread over the phases and pillars
 * @param series how many metric/department series carry daily data (at most six per department)
 * @param responsesPerDay the mean number of survey answers per survey series and weekday
 * @param surveysAsResponses true: NPS, CSAT and CES data goes in as raw survey answers; false: as one
 *        reading per series and day with the same statistics (much faster for benchmark scale)
 * @param feedbackPerDay the mean number of feedback items per day
 * @param commitments how many commitments answer the insights
 */
public record DemoParameters(long seed, LocalDate asOf, LocalDate programStart, int programYears, int departments,
        int milestones, int series, int responsesPerDay, boolean surveysAsResponses, int feedbackPerDay, int commitments) {

    public static final long DEFAULT_SEED = 20260101L;
    /** How much history a first load shows at least: the program starts a quarter or more before that day. */
    static final int MIN_HISTORY_DAYS = 90;

    public DemoParameters {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(programStart, "programStart");
        require(programYears >= 1 && programYears <= 12, "programYears must be 1 to 12");
        require(departments >= 1 && departments <= 500, "departments must be 1 to 500");
        require(milestones >= 0 && milestones <= 100_000, "milestones must be 0 to 100,000");
        require(series >= 0 && series <= departments * DemoCatalog.METRICS.size(), "series must be 0 to 6 per department");
        require(responsesPerDay >= 1 && responsesPerDay <= 10_000, "responsesPerDay must be 1 to 10,000");
        require(feedbackPerDay >= 0 && feedbackPerDay <= 10_000, "feedbackPerDay must be 0 to 10,000");
        require(commitments >= 0 && commitments <= 10_000, "commitments must be 0 to 10,000");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The demo a newcomer sees, relative to the day it is first loaded ({@code firstLoad}, also its "today"): a
     * three-year program from the 1st of January of the year that day falls in — or of the year before, when the
     * year is less than {@value #MIN_HISTORY_DAYS} days old, so that a first load always has a quarter of history —
     * e.g. "CX Transformation 2026–2028" for a first load in December 2026; ten departments, about 120 milestones,
     * NPS, CSAT, CES, first-day resolution, FCR and churn with daily data from survey answers and contact ratios.
     * Later starts use the same first-load day ({@link #withAsOf} for their data), so the program never moves.
     */
    public static DemoParameters demo(LocalDate firstLoad) {
        LocalDate start = firstLoad.minusDays(MIN_HISTORY_DAYS).withDayOfYear(1);
        return new DemoParameters(DEFAULT_SEED, firstLoad, start, 3, 10, 120, 24, 12, true, 6, 15);
    }

    /**
     * Realistic scale for benchmarks: 50 departments, 2,000 milestones, 3 years of daily readings for 200
     * metric/department series (survey data as daily readings), in a four-year program ending a year after
     * {@code asOf}.
     */
    public static DemoParameters benchmark(LocalDate asOf) {
        return new DemoParameters(DEFAULT_SEED, asOf, asOf.minusYears(3), 4, 50, 2000, 200, 20, false, 30, 100);
    }

    /** The same with another seed. */
    public DemoParameters withSeed(long newSeed) {
        return new DemoParameters(newSeed, asOf, programStart, programYears, departments, milestones, series,
                responsesPerDay, surveysAsResponses, feedbackPerDay, commitments);
    }

    /** The same program on another "today": only the days with data change, not the program. */
    public DemoParameters withAsOf(LocalDate newAsOf) {
        return new DemoParameters(seed, newAsOf, programStart, programYears, departments, milestones, series,
                responsesPerDay, surveysAsResponses, feedbackPerDay, commitments);
    }

    /** "CX Transformation 2026–2028" for a three-year program starting in 2026. */
    public String programName() {
        int first = programStart.getYear();
        int last = programStart.plusYears(programYears).minusDays(1).getYear();
        return "CX Transformation " + first + "–" + last;
    }

    /** The last day of the program. */
    public LocalDate programEnd() {
        return programStart.plusYears(programYears).minusDays(1);
    }

    /** The last day with data: the day before {@code asOf}, within the program. */
    public LocalDate lastDataDay() {
        LocalDate yesterday = asOf.minusDays(1);
        return yesterday.isAfter(programEnd()) ? programEnd() : yesterday;
    }
}
