package io.cxtracker.domain.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.feedback.FeedbackChannel;
import io.cxtracker.domain.feedback.FeedbackView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The read half of ARCHITECTURE §1, caller by caller, and the redaction of feedback it implies. */
class ReadAuthorityTest {

    static final CurrentUser VISITOR = TestUsers.of("visitor", Set.of());
    static final CurrentUser INGEST = TestUsers.of("cxtracker-ingest", Set.of(Role.METRICS_INGEST));
    static final CurrentUser EXEC = TestUsers.of("exec", Set.of(Role.EXECUTIVE));
    static final CurrentUser AUDITOR = TestUsers.of("auditor", Set.of(Role.AUDITOR));
    static final CurrentUser ADMIN = TestUsers.of("admin", Set.of(Role.PROGRAM_ADMIN));
    static final CurrentUser LEAD_SUPPORT = TestUsers.of("lead-support", Set.of(Role.DEPARTMENT_LEAD), "support");
    /** A member of support's group without the lead role: membership alone opens no text. */
    static final CurrentUser EXEC_IN_SUPPORT = TestUsers.of("exec-support", Set.of(Role.EXECUTIVE), "support");

    static final FeedbackView SUPPORT_ITEM = new FeedbackView(7, FeedbackChannel.REVIEW, "The agent hung up on me", -0.8,
            List.of("wait-time"), "support", Instant.parse("2026-03-02T10:00:00Z"), "trustpilot", "tp-123");
    static final FeedbackView MARKETING_ITEM = new FeedbackView(8, FeedbackChannel.SOCIAL, "Loved the campaign", 0.9,
            List.of("brand"), "marketing", Instant.parse("2026-03-02T11:00:00Z"), "x-listener", "x-9");
    static final FeedbackView NOBODYS_ITEM = new FeedbackView(9, FeedbackChannel.EMAIL, "Who do I talk to?", 0.0,
            List.of("contact"), null, Instant.parse("2026-03-02T12:00:00Z"), "mailbox", "m-1");

    @Test
    void aSignedInAccountWithoutARoleReadsNothingAndIsToldToAskForOne() {
        var refused = assertThrows(AccessDeniedException.class, () -> Authority.requireCanReadProgram(VISITOR, "milestones"));
        assertEquals("visitor is signed in but has no role yet, and may not read milestones: it needs one of the roles "
                + "[executive, department-lead, auditor, program-admin]; ask a program admin for one", refused.getMessage());
        assertThrows(AccessDeniedException.class, () -> Authority.requireCanReadMetricDefinitions(VISITOR));
        assertThrows(AccessDeniedException.class, () -> Authority.requireCanReadCustomerVoice(VISITOR, "feedback"));
        assertFalse(Authority.mayReadProgram(VISITOR));
    }

    @Test
    void theIngestClientReadsMetricDefinitionsOnly() {
        assertDoesNotThrow(() -> Authority.requireCanReadMetricDefinitions(INGEST));
        var refused = assertThrows(AccessDeniedException.class, () -> Authority.requireCanReadProgram(INGEST, "targets"));
        assertEquals("cxtracker-ingest may not read targets: it needs one of the roles "
                + "[executive, department-lead, auditor, program-admin]", refused.getMessage());
        assertThrows(AccessDeniedException.class, () -> Authority.requireCanReadCustomerVoice(INGEST, "feedback"));
        assertFalse(Authority.mayReadProgram(INGEST));
    }

    @Test
    void everyHumanRoleReadsTheProgramAndTheMetricDefinitions() {
        for (CurrentUser reader : List.of(EXEC, AUDITOR, ADMIN, LEAD_SUPPORT)) {
            assertDoesNotThrow(() -> Authority.requireCanReadProgram(reader, "milestones"), reader.name());
            assertDoesNotThrow(() -> Authority.requireCanReadMetricDefinitions(reader), reader.name());
            assertTrue(Authority.mayReadProgram(reader), reader.name());
        }
    }

    @Test
    void aLeadReadsTheWordsOfTheirOwnDepartmentsCustomersOnlyAndNeverTheProvenance() {
        CustomerVoiceAccess access = Authority.requireCanReadCustomerVoice(LEAD_SUPPORT, "feedback");

        FeedbackView own = SUPPORT_ITEM.redactedFor(access);
        assertEquals("The agent hung up on me", own.text());
        assertNull(own.source());
        assertNull(own.idempotencyKey());

        FeedbackView other = MARKETING_ITEM.redactedFor(access);
        assertNull(other.text());
        assertTrue(other.textWithheld());
        // themes and the numbers stay: transparency across departments
        assertEquals(List.of("brand"), other.themes());
        assertEquals(0.9, other.sentiment());
        assertEquals("marketing", other.departmentCode());
        assertEquals(FeedbackChannel.SOCIAL, other.channel());

        assertNull(NOBODYS_ITEM.redactedFor(access).text(), "an item of no department is no lead's own");
        assertTrue(access.isPartial());
    }

    @Test
    void executivesAndAuditorsReadEveryTextButNotTheProvenance() {
        for (CurrentUser reader : List.of(EXEC, AUDITOR, EXEC_IN_SUPPORT)) {
            CustomerVoiceAccess access = Authority.requireCanReadCustomerVoice(reader, "feedback");
            for (FeedbackView item : List.of(SUPPORT_ITEM, MARKETING_ITEM, NOBODYS_ITEM)) {
                FeedbackView seen = item.redactedFor(access);
                assertEquals(item.text(), seen.text(), reader.name());
                assertNull(seen.source(), reader.name());
                assertNull(seen.idempotencyKey(), reader.name());
            }
            assertFalse(access.isPartial());
        }
    }

    @Test
    void programAdminsSeeEverythingIncludingWhereItemsCameFrom() {
        CustomerVoiceAccess access = Authority.requireCanReadCustomerVoice(ADMIN, "feedback");
        for (FeedbackView item : List.of(SUPPORT_ITEM, MARKETING_ITEM, NOBODYS_ITEM)) {
            assertEquals(item, item.redactedFor(access));
        }
        assertEquals("trustpilot", SUPPORT_ITEM.redactedFor(access).source());
        assertEquals("tp-123", SUPPORT_ITEM.redactedFor(access).idempotencyKey());
    }

    @Test
    void aLeadWhoIsAlsoAnAuditorReadsEveryText() {
        CurrentUser both = TestUsers.of("lead-auditor", Set.of(Role.DEPARTMENT_LEAD, Role.AUDITOR), "support");
        CustomerVoiceAccess access = Authority.requireCanReadCustomerVoice(both, "feedback");
        assertEquals("Loved the campaign", MARKETING_ITEM.redactedFor(access).text());
    }
}
