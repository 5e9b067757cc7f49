package io.cxtracker.api.boardpack;

import io.cxtracker.domain.boardpack.BoardPack;
import io.cxtracker.domain.boardpack.BoardPack.Change;
import io.cxtracker.domain.boardpack.BoardPack.KindCount;
import io.cxtracker.domain.boardpack.BoardPack.PillarRow;
import io.cxtracker.domain.boardpack.BoardPack.RiskLine;
import io.cxtracker.domain.boardpack.BoardPack.Scorecard;
import io.cxtracker.domain.boardpack.BoardPack.TargetLine;
import io.cxtracker.domain.boardpack.BoardPack.Trend;
import io.cxtracker.domain.boardpack.BoardPackContent;
import io.cxtracker.domain.boardpack.BoardPackHeader;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.targets.Rag;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The board pack laid out as pages, whatever the format: each page a title, a subtitle and blocks (facts,
 * a table, charts, a note). The PPTX and PDF renderers draw these same pages, so both formats carry the
 * same content by construction; long tables continue on further pages of at most {@link #ROWS} rows.
 */
record Deck(List<Page> pages) {
    static final int ROWS = 10;
    /** A reason longer than this would not fit its table cell on a slide. */
    static final int REASON_CHARS = 200;
    /** What fits one scorecard page beside its pillar row; the department's other targets and risks are in the dashboard. */
    static final int SCORECARD_TARGETS = 4;
    static final int SCORECARD_RISKS = 4;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** One slide, one PDF page. {@code rag} colours the badge beside the title; null for none. */
    record Page(String title, String subtitle, Rag rag, List<Block> blocks) {
        Page {
            blocks = List.copyOf(blocks);
        }
    }

    sealed interface Block permits Heading, Facts, Table, Charts, Note {
    }

    /** Label: value lines. */
    record Facts(List<String[]> lines) implements Block {
    }

    /** A table; a cell with a RAG is coloured by it. {@code widths} are relative. */
    record Table(List<String> columns, float[] widths, List<List<Cell>> rows) implements Block {
    }

    record Cell(String text, Rag rag) {
        static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    /** Up to four charts, laid out two by two. */
    record Charts(List<Trend> trends) implements Block {
    }

    record Note(String text) implements Block {
    }

    /** A section heading inside a page. */
    record Heading(String text) implements Block {
    }

    static Deck of(BoardPack pack) {
        List<Page> pages = new ArrayList<>();
        BoardPackHeader h = pack.header();
        pages.add(new Page(h.programName(), "Board pack as of " + h.asOf(), pack.program().rag(), List.of(
                new Facts(List.of(
                        new String[] {"As of", h.asOf().toString()},
                        new String[] {"What changed since", h.since().toString()},
                        new String[] {"Program status", ragText(pack.program().rag()) + " \u2014 " + counts(pack.program())},
                        new String[] {"Generated", AT.format(h.generatedAt()) + " by " + h.generatedBy()},
                        new String[] {"Pack id", h.packId().toString()},
                        new String[] {"Audit checkpoint", h.checkpoint() == null ? "none"
                                : "#" + h.checkpoint().id() + " (chain seq " + h.checkpoint().seq() + ", hash "
                                + h.checkpoint().hash().substring(0, 16) + "\u2026)"})),
                new Note("The server records this file's SHA-256: POST the file to /api/board-packs/verify to check "
                        + "that it is unaltered and see the signed audit checkpoint it was built under."))));

        pages.add(new Page("Program status", ragText(pack.program().rag()) + " \u00b7 " + counts(pack.program()),
                pack.program().rag(), List.of(summaryTable(pack), new Note(shares(pack.program())))));

        pages.add(new Page("Pillars \u00d7 phases", "Milestones by pillar and phase, weighted as on the dashboard",
                null, List.of(pillarTable(pack))));

        for (Scorecard card : pack.scorecards()) {
            pages.addAll(scorecard(card));
        }

        addTable(pages, "Top risks", "The " + pack.topRisks().size() + " milestones most in need of attention, worst first",
                null, riskColumns(), new float[] {26, 14, 9, 9, 42}, pack.topRisks().stream().map(Deck::riskRow).toList(),
                "Nothing is at risk, off track, blocked, missed or overdue.");

        if (pack.trends().isEmpty()) {
            pages.add(new Page("Headline metrics", "Monthly values against target", null,
                    List.of(new Note("No company-wide metric target is set yet."))));
        } else {
            pages.add(new Page("Headline metrics", "Monthly values against target (dashed), with the forecast to the due "
                    + "date (dotted)", null, List.of(new Charts(pack.trends()))));
            pages.add(new Page("Headline metrics: where they stand", "As of " + h.asOf() + ", each over its target's "
                    + "trailing window", null, List.of(trendTable(pack.trends()))));
        }

        changes(pages, pack);

        addTable(pages, "Appendix: overdue items", pack.overdue().size() + " milestone"
                        + (pack.overdue().size() == 1 ? "" : "s") + " past due and not done on " + h.asOf(), null,
                List.of("Milestone", "Department", "Due", "Days overdue", "Reason"), new float[] {30, 16, 10, 10, 34},
                pack.overdue().stream().map(r -> List.of(Cell.of(r.title()), Cell.of(r.departmentName()),
                        Cell.of(r.due().toString()), Cell.of(String.valueOf(ChronoUnit.DAYS.between(r.due(), h.asOf()))),
                        Cell.of(clip(r.reason())))).toList(),
                "Nothing is overdue.");
        return new Deck(pages);
    }

    private static Table summaryTable(BoardPack pack) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(groupRow("Program", pack.program()));
        for (PillarRow row : pack.pillarsByPhase()) {
            rows.add(groupRow("Pillar " + row.pillar().title(), row.total()));
        }
        for (Scorecard card : pack.scorecards()) {
            rows.add(groupRow(card.name(), card.overall()));
        }
        return new Table(List.of("Scope", "Status", "Milestones", "Healthy", "At risk", "Red"),
                new float[] {34, 14, 13, 13, 13, 13}, rows);
    }

    private static List<Cell> groupRow(String label, RollUpResult r) {
        return List.of(Cell.of(label), new Cell(ragText(r.rag()), r.rag()), Cell.of(String.valueOf(r.itemCount())),
                Cell.of(percent(r.onTrackShare())), Cell.of(percent(r.amberShare())), Cell.of(percent(r.redShare())));
    }

    private static Table pillarTable(BoardPack pack) {
        List<String> columns = new ArrayList<>();
        columns.add("Pillar");
        columns.addAll(pack.phaseNames());
        columns.add("All phases");
        float[] widths = new float[columns.size()];
        java.util.Arrays.fill(widths, 12);
        widths[0] = 14;
        List<List<Cell>> rows = new ArrayList<>();
        for (PillarRow row : pack.pillarsByPhase()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.of(row.pillar().title()));
            row.byPhase().forEach(r -> cells.add(cell(r)));
            cells.add(cell(row.total()));
            rows.add(cells);
        }
        return new Table(columns, widths, rows);
    }

    /** "Amber · 4 (1 at risk)": the RAG and how many milestones, with the unhealthy ones named. */
    private static Cell cell(RollUpResult r) {
        if (r.itemCount() == 0) {
            return new Cell("No milestones", Rag.NO_DATA);
        }
        return new Cell(ragText(r.rag()) + " \u00b7 " + r.itemCount() + unhealthy(r), r.rag());
    }

    private static String unhealthy(RollUpResult r) {
        List<String> parts = new ArrayList<>();
        for (MilestoneStatus s : List.of(MilestoneStatus.OFF_TRACK, MilestoneStatus.MISSED, MilestoneStatus.OVERDUE,
                MilestoneStatus.BLOCKED, MilestoneStatus.AT_RISK)) {
            if (r.count(s) > 0) {
                parts.add(r.count(s) + " " + BoardPackContent.words(s));
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static List<Page> scorecard(Scorecard card) {
        List<Page> pages = new ArrayList<>();
        List<Cell> pillarCells = new ArrayList<>();
        card.byPillar().forEach(r -> pillarCells.add(cell(r)));
        List<String> pillarColumns = java.util.Arrays.stream(Pillar.values()).map(Pillar::title).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("By pillar"));
        blocks.add(new Table(pillarColumns, new float[] {1, 1, 1}, List.of(pillarCells)));
        blocks.add(new Heading("Targets" + more(card.targets().size(), SCORECARD_TARGETS)));
        blocks.add(card.targets().isEmpty() ? new Note("No targets set for this department.")
                : targetTable(card.targets().stream().limit(SCORECARD_TARGETS).toList(), false));
        blocks.add(new Heading("Needs attention" + more(card.attention().size(), SCORECARD_RISKS)));
        blocks.add(card.attention().isEmpty() ? new Note("Nothing needs attention.")
                : new Table(riskColumns(), new float[] {26, 14, 9, 9, 42},
                        card.attention().stream().limit(SCORECARD_RISKS).map(Deck::riskRow).toList()));
        pages.add(new Page("Scorecard: " + card.name(), ragText(card.overall().rag()) + " \u00b7 " + counts(card.overall()),
                card.overall().rag(), blocks));
        return pages;
    }

    private static Table trendTable(List<Trend> trends) {
        return targetTable(trends.stream().map(Trend::target).toList(), true);
    }

    private static Table targetTable(List<TargetLine> targets, boolean withReason) {
        List<List<Cell>> rows = targets.stream().map(t -> {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(t.metricName() + " (" + t.unit() + ")"),
                    Cell.of(BoardPackContent.number(t.current())), Cell.of(BoardPackContent.number(t.target())),
                    Cell.of(BoardPackContent.number(t.forecast())), Cell.of(t.due().toString()),
                    new Cell(ragText(t.rag()), t.rag())));
            if (withReason) {
                row.add(Cell.of(clip(t.reason())));
            }
            return row;
        }).toList();
        List<String> columns = new ArrayList<>(List.of("Metric", "Now", "Target", "Forecast", "Due", "Status"));
        if (withReason) {
            columns.add("Why");
            return new Table(columns, new float[] {22, 8, 8, 9, 11, 9, 33}, rows);
        }
        return new Table(columns, new float[] {34, 12, 12, 12, 15, 15}, rows);
    }

    private static List<String> riskColumns() {
        return List.of("Milestone", "Department", "Due", "Status", "Why");
    }

    private static List<Cell> riskRow(RiskLine r) {
        return List.of(Cell.of(r.title()), Cell.of(r.departmentName()), Cell.of(r.due().toString()),
                new Cell(BoardPackContent.words(r.status()), rag(r.status())), Cell.of(clip(r.reason())));
    }

    private static void changes(List<Page> pages, BoardPack pack) {
        var c = pack.changes();
        String subtitle = c.total() + " change" + (c.total() == 1 ? "" : "s") + " recorded from " + c.since() + " to "
                + c.until();
        List<Block> blocks = new ArrayList<>();
        if (c.total() == 0) {
            blocks.add(new Note("Nothing changed in this period."));
        } else {
            blocks.add(new Table(List.of("Kind of change", "How many"), new float[] {70, 30},
                    c.counts().stream().limit(ROWS).map((KindCount k) -> List.of(Cell.of(k.kind()),
                            Cell.of(String.valueOf(k.count())))).toList()));
            if (c.total() > c.counts().stream().mapToLong(KindCount::count).sum()) {
                blocks.add(new Note("Counted over the latest " + c.counts().stream().mapToLong(KindCount::count).sum()
                        + " of them; the audit trail holds every one."));
            }
        }
        pages.add(new Page("What changed since the last review", subtitle, null, blocks));
        if (!c.latest().isEmpty()) {
            addTable(pages, "Latest changes", "Newest first, from the audit trail", null,
                    List.of("When", "Who", "What", "Change"), new float[] {16, 14, 20, 50},
                    c.latest().stream().map((Change ch) -> List.of(Cell.of(ch.at() == null ? "" : AT.format(ch.at())), Cell.of(ch.actor()),
                            Cell.of(ch.subject()), Cell.of(clip(ch.detail())))).toList(), null);
        }
    }

    private static void addTable(List<Page> pages, String title, String subtitle, Rag rag, List<String> columns,
            float[] widths, List<List<Cell>> rows, String whenEmpty) {
        if (rows.isEmpty()) {
            pages.add(new Page(title, subtitle, rag, List.of(new Note(whenEmpty))));
            return;
        }
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<List<Cell>> slice = rows.subList(from, Math.min(rows.size(), from + ROWS));
            pages.add(new Page(from == 0 ? title : title + " (continued)", subtitle, rag,
                    List.of(new Table(columns, widths, slice))));
        }
    }

    /** " (4 of 9 shown)" when a list is cut to fit its page. */
    private static String more(int all, int shown) {
        return all > shown ? " (" + shown + " of " + all + " shown)" : "";
    }

    static String ragText(Rag rag) {
        return switch (rag) {
            case GREEN -> "Green";
            case AMBER -> "Amber";
            case RED -> "Red";
            case NO_DATA -> "No data";
        };
    }

    private static Rag rag(MilestoneStatus status) {
        return switch (io.cxtracker.domain.rollup.StatusHealth.of(status)) {
            case RED -> Rag.RED;
            case AMBER -> Rag.AMBER;
            case HEALTHY -> Rag.GREEN;
            case NEUTRAL -> Rag.NO_DATA;
        };
    }

    /** "12 milestones: 7 on track, 3 at risk, 2 overdue" — every non-zero status. */
    static String counts(RollUpResult r) {
        List<String> parts = new ArrayList<>();
        for (MilestoneStatus s : MilestoneStatus.values()) {
            if (r.count(s) > 0) {
                parts.add(r.count(s) + " " + BoardPackContent.words(s));
            }
        }
        return r.itemCount() + " milestone" + (r.itemCount() == 1 ? "" : "s") + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static String shares(RollUpResult r) {
        return "By weight: " + percent(r.onTrackShare()) + " healthy, " + percent(r.amberShare()) + " at risk, "
                + percent(r.redShare()) + " red (off track, missed, overdue or blocked). A group is red when more than "
                + "a third of its weight is red, amber when any is amber or red.";
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static String clip(String text) {
        return text.length() <= REASON_CHARS ? text : text.substring(0, REASON_CHARS - 1) + "\u2026";
    }
}
