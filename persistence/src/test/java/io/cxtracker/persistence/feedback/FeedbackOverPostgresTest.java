package io.cxtracker.persistence.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.feedback.FeedbackView;
import io.cxtracker.domain.feedback.Insight;
import io.cxtracker.domain.feedback.InsightTrend;
import io.cxtracker.domain.feedback.NewFeedback;
import io.cxtracker.domain.listen.BatchReport;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.ListenServices;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.support.TestUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Feedback stored once by its key, and insights summed by PostgreSQL per theme, month and department. */
@ExtendWith(PostgresExtension.class)
class FeedbackOverPostgresTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-10T08:00:00Z"), ZoneOffset.UTC);

    private TestDatabase db;
    private Department support;
    private Department billing;
    private String hold;
    private String praise;

    @BeforeEach
    void departments(TestDatabase db) {
        this.db = db;
        support = db.inTransaction(em -> Fixtures.department(em, "support"));
        billing = db.inTransaction(em -> Fixtures.department(em, "billing"));
        hold = Fixtures.unique("hold");
        praise = Fixtures.unique("praise");
    }

    private <T> T as(io.cxtracker.domain.security.CurrentUser user, Function<ListenServices, T> work) {
        return db.inTransaction(em -> work.apply(ListenServices.of(em, user, CLOCK)));
    }

    /**
     * January: 3 items on hold times (support ×2, billing), sentiments −0.8, −0.6, −0.1; March: 6 (support), −0.5 each;
     * 2 items praise (one also about hold times), +0.9.
     */
    private List<NewFeedback> items() {
        List<NewFeedback> items = new ArrayList<>();
        Instant january = Instant.parse("2026-01-15T10:00:00Z");
        Instant march = Instant.parse("2026-03-10T10:00:00Z");
        items.add(item("a1", hold, support, -0.8, january));
        items.add(item("a2", hold, support, -0.6, january));
        items.add(item("a3", hold, billing, -0.1, january));
        for (int i = 0; i < 6; i++) {
            items.add(item("b" + i, hold, support, -0.5, march.plusSeconds(i)));
        }
        items.add(item("c1", praise, support, 0.9, march));
        items.add(new NewFeedback("SURVEY", "Quick callback, kind agent", 0.9, List.of(praise, hold),
                support.code().value(), march, "qualtrics", "c2-" + hold));
        return items;
    }

    private NewFeedback item(String key, String theme, Department department, double sentiment, Instant at) {
        return new NewFeedback("CALL", "Waited a long time", sentiment, List.of(theme), department.code().value(), at,
                "call-analytics", key + "-" + theme);
    }

    @Test
    void itemsAreStoredOnceAndInsightsComeFromExactSums() {
        BatchReport first = as(TestUser.ingestClient(), s -> s.feedback().ingest(items()));
        assertEquals(11, first.accepted());
        BatchReport again = as(TestUser.ingestClient(), s -> s.feedback().ingest(items()));
        assertEquals(11, again.duplicates());
        assertEquals(11, db.number("SELECT count(*) FROM feedback WHERE idempotency_key LIKE '%-" + hold + "'"
                + " OR idempotency_key LIKE '%-" + praise + "'"));

        Insight insight = as(TestUser.programAdmin(), s -> s.feedback().insight(hold)).orElseThrow();
        // 10 items: −0.8 −0.6 −0.1 + 6 × −0.5 + 0.9 = −3.6; negative (≤ −0.25): 8 of 10
        assertEquals(10, insight.volume());
        assertEquals(-0.36, insight.meanSentiment(), 1e-9);
        assertEquals(0.8, insight.negativeShare(), 1e-12);
        assertEquals(List.of(3L, 0L, 7L, 0L), insight.periods().stream().map(Insight.InsightPeriod::volume).toList());
        assertEquals(LocalDate.of(2026, 1, 1), insight.periods().get(0).start());
        assertEquals(List.of(new Insight.DepartmentVolume(support.code().value(), 9),
                new Insight.DepartmentVolume(billing.code().value(), 1)), insight.departments());

        // the insights of one department over the first quarter, by month: hold times first (8 items), then praise
        List<Insight> supportQ1 = as(TestUser.programAdmin(), s -> s.feedback().insights(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31), support.code().value(), Granularity.MONTH, 5));
        assertEquals(List.of(hold, praise), supportQ1.stream().map(Insight::theme).toList());
        assertEquals(9, supportQ1.get(0).volume());
        assertEquals(List.of(2L, 0L, 7L), supportQ1.get(0).periods().stream().map(Insight.InsightPeriod::volume).toList());
        assertEquals(InsightTrend.Direction.RISING, supportQ1.get(0).trend());
    }

    @Test
    void feedbackIsListedNewestFirstAndFiltered() {
        as(TestUser.ingestClient(), s -> s.feedback().ingest(items()));
        Page<FeedbackView> page = as(TestUser.programAdmin(), s -> s.feedback().list(praise, null, null, null, null,
                PageRequest.first(10)));
        assertEquals(2, page.total());
        assertTrue(page.items().get(0).themes().contains(praise));
        Page<FeedbackView> billingOnly = as(TestUser.programAdmin(), s -> s.feedback().list(null, billing.code().value(),
                "call", null, null, PageRequest.first(10)));
        assertEquals(1, billingOnly.total());
        assertEquals(-0.1, billingOnly.items().get(0).sentiment());
    }

    @Test
    void aLeadRecordsFeedbackForTheirOwnDepartmentOnly() {
        var lead = TestUser.leadOf(support.code());
        NewFeedback own = item("own", hold, support, -0.2, Instant.parse("2026-04-01T10:00:00Z"));
        assertEquals(1, as(lead, s -> s.feedback().ingest(List.of(own))).accepted());
        NewFeedback other = item("other", hold, billing, -0.2, Instant.parse("2026-04-01T10:00:00Z"));
        org.junit.jupiter.api.Assertions.assertThrows(io.cxtracker.domain.security.AccessDeniedException.class,
                () -> as(lead, s -> s.feedback().ingest(List.of(other))));
    }
}
