package io.cxtracker.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runtime role (WildFly's datasource login) over a database migrated by the owner role: it may append to the
 * records nobody may rewrite, and PostgreSQL itself — not only the triggers — refuses it everything else.
 * SQLSTATE 42501 is insufficient_privilege: the refusal comes from the role's privileges (a trigger's refusal
 * would be P0001 or 23001, and only after the privilege check).
 */
@ExtendWith(PostgresExtension.class)
class RuntimeGrantsOverPostgresTest {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final List<String> TABLE_PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER");

    @Test
    void theRuntimeRoleAppendsToTheAuditRecordButCannotRewriteOrUnprotectIt(TestDatabase db) throws SQLException {
        try (Connection app = db.connect(); Statement s = app.createStatement()) {
            s.execute("INSERT INTO audit_record (actor, entity_type, entity_id, action) VALUES ('grants-test', 'test', '1', 'create')");
            long seq = single(app, "SELECT max(seq) FROM audit_record WHERE actor = 'grants-test'");
            assertTrue(seq >= 1);
            assertRefusedByPrivilege(app, "UPDATE audit_record SET actor = 'someone else' WHERE seq = " + seq);
            assertRefusedByPrivilege(app, "DELETE FROM audit_record WHERE seq = " + seq);
            assertRefusedByPrivilege(app, "TRUNCATE audit_record");
            assertRefusedByPrivilege(app, "DROP TRIGGER audit_record_no_update ON audit_record");
            assertRefusedByPrivilege(app, "ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update");
            assertRefusedByPrivilege(app, "ALTER TABLE audit_record ADD COLUMN note TEXT");
            assertRefusedByPrivilege(app, "DROP TABLE audit_record");
            // the sequence that numbers the chain: the trigger draws from it as the runtime role, nobody resets it
            assertRefusedByPrivilege(app, "SELECT setval('audit_record_seq', 1)");
        }
    }

    @Test
    void theRuntimeRoleRecordsReportDigestsButCannotRewriteThem(TestDatabase db) throws SQLException {
        UUID report = UUID.randomUUID();
        try (Connection app = db.connect(); Statement s = app.createStatement()) {
            String hex = "a".repeat(64);
            s.execute("INSERT INTO report_digest (report_id, format, file_sha256, embedded_sha256, byte_count, generated_at, "
                    + "generated_by, period_from, period_to, as_of) VALUES ('" + report + "', 'pdf', '" + hex + "', '" + hex
                    + "', 10, now(), 'grants-test', DATE '2026-01-01', DATE '2026-03-31', DATE '2026-03-31')");
            assertEquals(1, single(app, "SELECT count(*) FROM report_digest WHERE report_id = '" + report + "'"));
            assertRefusedByPrivilege(app, "UPDATE report_digest SET byte_count = 11 WHERE report_id = '" + report + "'");
            assertRefusedByPrivilege(app, "DELETE FROM report_digest WHERE report_id = '" + report + "'");
            assertRefusedByPrivilege(app, "TRUNCATE report_digest");
            assertRefusedByPrivilege(app, "DROP TRIGGER report_digest_no_update ON report_digest");
            assertRefusedByPrivilege(app, "ALTER TABLE report_digest ADD COLUMN note TEXT");
        }
    }

    @Test
    void theRuntimeRoleChecksInButCannotRewriteCheckIns(TestDatabase db) throws SQLException {
        long milestoneId = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Program program = Fixtures.program(em);
            Initiative initiative = Fixtures.initiative(em, program, 1, Pillar.CHANGE, support, Map.of());
            Milestone milestone = Fixtures.milestone(em, initiative, support, LocalDate.of(2026, 6, 30));
            // the JPA path the app takes, as the runtime role
            milestone.checkIn(CheckInStatus.IN_PROGRESS, 20, "started", List.of("https://example.com/e"), "alice",
                    Instant.parse("2026-02-01T10:00:00Z"));
            return milestone.id();
        });
        try (Connection app = db.connect()) {
            long checkIn = single(app, "SELECT id FROM check_in WHERE milestone_id = " + milestoneId);
            assertRefusedByPrivilege(app, "UPDATE check_in SET comment = 'rewritten' WHERE id = " + checkIn);
            assertRefusedByPrivilege(app, "DELETE FROM check_in WHERE id = " + checkIn);
            assertRefusedByPrivilege(app, "TRUNCATE check_in");
            assertRefusedByPrivilege(app, "DROP TRIGGER check_in_append_only ON check_in");
            assertRefusedByPrivilege(app, "ALTER TABLE check_in ADD COLUMN note TEXT");
            assertRefusedByPrivilege(app, "UPDATE check_in_evidence SET url = 'https://example.com/x' WHERE check_in_id = " + checkIn);
            assertRefusedByPrivilege(app, "DELETE FROM check_in_evidence WHERE check_in_id = " + checkIn);
        }
    }

    @Test
    void theRuntimeRoleOwnsNothingAndCannotCreateTables(TestDatabase db) throws SQLException {
        try (Connection app = db.connect()) {
            assertEquals(0, single(app, "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"));
            assertRefusedByPrivilege(app, "CREATE TABLE sneaky (id INT)");
            assertRefusedByPrivilege(app, "SELECT count(*) FROM flyway_schema_history");
        }
    }

    @Test
    void everyTableAndSequenceOfTheSchemaIsInTheGrantsFileAndNothingElseIsThere(TestDatabase db) throws SQLException {
        Map<String, Set<String>> file = RuntimeGrants.load();
        List<String> relations = new ArrayList<>();
        try (Connection owner = db.connectAsOwner()) {
            RuntimeGrants.relations(owner).forEach(r -> relations.add(r.name()));
        }
        List<String> unlisted = relations.stream().filter(r -> !file.containsKey(r)).toList();
        assertEquals(List.of(), unlisted, "tables or sequences the migrations create but " + RuntimeGrants.RESOURCE
                + " does not mention: add a line '<name> = <privileges the app needs>' there");
        List<String> stale = file.keySet().stream().filter(r -> !relations.contains(r)).toList();
        assertEquals(List.of(), stale, RuntimeGrants.RESOURCE + " names what the schema does not have");
    }

    @Test
    void theRuntimeRoleHoldsExactlyThePrivilegesTheFileLists(TestDatabase db) throws SQLException {
        Map<String, Set<String>> file = RuntimeGrants.load();
        try (Connection owner = db.connectAsOwner()) {
            for (RuntimeGrants.Relation relation : RuntimeGrants.relations(owner)) {
                Set<String> held = held(owner, db.runtimeRole(), relation);
                assertEquals(new TreeSet<>(file.get(relation.name())), held, relation.name());
            }
        }
    }

    @Test
    void aPrivilegeGrantedByHandIsTakenBackAtTheNextMigrate(TestDatabase db) throws SQLException {
        try (Connection owner = db.connectAsOwner(); Statement s = owner.createStatement()) {
            s.execute("GRANT UPDATE, DELETE ON audit_record TO " + db.runtimeRole());
            assertTrue(held(owner, db.runtimeRole(), new RuntimeGrants.Relation("audit_record", false)).contains("UPDATE"));
        }
        // nothing pending: the grants still run after the migrate
        var ownerSource = new org.postgresql.ds.PGSimpleDataSource();
        try (Connection owner = db.connectAsOwner()) {
            ownerSource.setURL(owner.getMetaData().getURL());
        }
        ownerSource.setUser(db.ownerRole());
        ownerSource.setPassword(db.rolePassword());
        assertEquals(0, SchemaMigrator.flyway(ownerSource, db.runtimeRole()).load().migrate().migrationsExecuted);
        try (Connection owner = db.connectAsOwner()) {
            assertEquals(Set.of("SELECT", "INSERT"), held(owner, db.runtimeRole(), new RuntimeGrants.Relation("audit_record", false)));
        }
    }

    @Test
    void theGrantsFileRefusesPrivilegesTheRuntimeRoleMustNeverHave() {
        IllegalStateException truncate = assertThrows(IllegalStateException.class, () -> RuntimeGrants.parse("audit_record = SELECT, TRUNCATE"));
        assertTrue(truncate.getMessage().contains("TRUNCATE"), truncate.getMessage());
        assertThrows(IllegalStateException.class, () -> RuntimeGrants.parse("audit_record = ALL"));
        assertThrows(IllegalStateException.class, () -> RuntimeGrants.parse("audit_record = SELECT\naudit_record = INSERT"));
        assertThrows(IllegalStateException.class, () -> RuntimeGrants.parse("audit_record; drop table x = SELECT"));
        assertEquals(Map.of("a", Set.of("SELECT", "INSERT"), "b", Set.of()), RuntimeGrants.parse("# c\na = select, INSERT\n\nb =\n"));
    }

    private static Set<String> held(Connection c, String role, RuntimeGrants.Relation relation) throws SQLException {
        Set<String> held = new TreeSet<>();
        List<String> candidates = relation.sequence() ? List.of("USAGE", "SELECT", "UPDATE") : TABLE_PRIVILEGES;
        String function = relation.sequence() ? "has_sequence_privilege" : "has_table_privilege";
        for (String privilege : candidates) {
            try (PreparedStatement s = c.prepareStatement("SELECT " + function + "(?, ?, ?)")) {
                s.setString(1, role);
                s.setString(2, relation.name());
                s.setString(3, privilege);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        held.add(privilege);
                    }
                }
            }
        }
        return held;
    }

    private static void assertRefusedByPrivilege(Connection app, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement s = app.createStatement()) {
                s.execute(sql);
            }
        }, sql);
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), sql + ": " + refused.getMessage());
        assertFalse(refused.getMessage().isBlank());
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
