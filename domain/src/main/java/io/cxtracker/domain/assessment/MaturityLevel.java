package io.cxtracker.domain.assessment;

/**
 * How customer-obsessed a department is, in the four bands of the HotJar study the program grew
 * from: ignore, novice, competent, mature.
 */
public enum MaturityLevel {
    IGNORE, NOVICE, COMPETENT, MATURE
}
