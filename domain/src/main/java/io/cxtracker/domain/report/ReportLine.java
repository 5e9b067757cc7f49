package io.cxtracker.domain.report;

import java.util.List;

/**
 * One item of a report section. Renderers show it as one or more table rows whose cells line up with
 * {@link ReportSection#columns()}; a cell is a {@code String}, a {@code Number}, a
 * {@code java.time.LocalDate}, a {@code java.time.Instant} or null.
 */
public sealed interface ReportLine permits MilestoneLine, TargetLine, ChangeLine {

    ReportSection section();

    /** The table rows of this item, each with one cell per column of its section. */
    List<List<Object>> rows();
}
