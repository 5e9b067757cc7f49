package io.cxtracker.domain.metric;

/**
 * Where the configured CES scale comes from (the survey settings implement it), so that a reading of the
 * CES metric can be checked against the scale its answers are given on without the metric package
 * depending on the survey package.
 */
public interface CesScaleSetting {

    CesScale cesScale();
}
