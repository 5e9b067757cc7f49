package io.cxtracker.persistence.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.imports.ImportError;
import io.cxtracker.domain.imports.ImportRejectedException;
import io.cxtracker.domain.imports.ImportReport;
import io.cxtracker.domain.imports.ImportRow;
import io.cxtracker.domain.imports.RowSource;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.ListenServices;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.support.TestUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Importing a file against PostgreSQL: one transaction, so a file with bad rows stores nothing — not even its
 * good rows — until the caller chooses "valid rows only"; importing it again then stores nothing new.
 */
@ExtendWith(PostgresExtension.class)
class ImportOverPostgresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    private TestDatabase db;
    private Metric fdr;
    private Department support;

    @BeforeEach
    void ratioMetric(TestDatabase db) {
        this.db = db;
        support = db.inTransaction(em -> Fixtures.department(em, "support"));
        fdr = db.inTransaction(em -> Fixtures.metric(em, MetricKind.RATIO, Direction.HIGHER_IS_BETTER,
                em.find(Department.class, support.id())));
    }

    /** A readings export with five good rows and two bad ones (lines 4 and 7). */
    private RowSource file() {
        String m = fdr.key().value();
        String d = support.code().value();
        List<String[]> lines = List.of(
                new String[] {m, "2026-02-01", d, "60", "100"},
                new String[] {m, "2026-02-02", d, "61", "100"},
                new String[] {m, "2026-02-03", d, "62", "abc"},
                new String[] {m, "2026-02-04", d, "63", "100"},
                new String[] {m, "2026-02-05", d, "64", "100"},
                new String[] {m, "2026-02-06", "no-such-team", "65", "100"},
                new String[] {m, "2026-02-07", d, "66", "100"});
        List<ImportRow> rows = new ArrayList<>();
        String[] fields = {"metricKey", "day", "departmentCode", "numerator", "denominator"};
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int f = 0; f < fields.length; f++) {
                values.put(fields[f], lines.get(i)[f]);
            }
            rows.add(new ImportRow(i + 2, values));
        }
        Iterator<ImportRow> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    private <T> T asIngestClient(Function<ListenServices, T> work) {
        return db.inTransaction(em -> work.apply(ListenServices.of(em, TestUser.ingestClient(), CLOCK)));
    }

    private long stored() {
        return db.number("SELECT count(*) FROM reading WHERE metric_id = " + fdr.id());
    }

    @Test
    void aFileWithErrorsStoresNothingUntilTheCallerChoosesTheValidRows() {
        ImportRejectedException refused = assertThrows(ImportRejectedException.class,
                () -> asIngestClient(s -> s.imports().importReadings(file(), false)));

        ImportReport report = refused.report();
        assertEquals(7, report.rows());
        assertEquals(5, report.accepted());
        assertEquals(2, report.rejected());
        assertEquals(false, report.stored());
        assertEquals(List.of(
                new ImportError(4, "denominator", "must be a whole number, was 'abc'"),
                new ImportError(7, "departmentCode", "no department has the code 'no-such-team'")), report.errors());
        assertEquals(0, stored(), "the good rows of a refused file must not be stored");

        ImportReport kept = asIngestClient(s -> s.imports().importReadings(file(), true));
        assertEquals(5, kept.accepted());
        assertEquals(true, kept.stored());
        assertEquals(report.errors(), kept.errors());
        assertEquals(5, stored());
        assertEquals(60 + 61 + 63 + 64 + 66, db.number("SELECT sum(numerator) FROM reading WHERE metric_id = " + fdr.id()));

        ImportReport again = asIngestClient(s -> s.imports().importReadings(file(), true));
        assertEquals(0, again.accepted());
        assertEquals(5, again.duplicates());
        assertEquals(5, stored());
    }
}
