package io.cxtracker.it.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WildFly runs on two database logins: its schema migrator as the run's owner role, its datasource as the
 * runtime role, which writes through the API and still cannot rewrite the audit record.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseRolesIT {
    private final HttpJson api = HttpJson.asProgramAdmin();
    private final HttpJson management = new HttpJson(System.getProperty("cx.it.management.url", "http://127.0.0.1:10190"));

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void theOwnerRoleMigratedAndTheDatasourceLogsInAsTheRuntimeRole() throws SQLException {
        var ready = management.get("/health/ready");
        assertEquals(200, ready.status(), ready::toString);
        assertTrue(ready.body().contains("\"deployment-profile\""), ready::toString);

        String owner = System.getProperty(ThrowawayDatabase.OWNER_USER);
        String runtime = System.getProperty(ThrowawayDatabase.RUNTIME_USER);
        assertEquals(List.of(owner), strings("SELECT DISTINCT installed_by FROM flyway_schema_history"));
        assertEquals(List.of(owner), strings("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"));
        List<String> appLogins = strings("SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() "
                + "AND pid <> pg_backend_pid() AND application_name <> 'cxtracker-migrations' AND backend_type = 'client backend'");
        assertEquals(List.of(runtime), appLogins);
    }

    @Test
    void aWriteThroughTheApiAppendsToTheAuditRecordWhichTheRuntimeRoleCannotRewrite() throws SQLException {
        long before = Database.count("audit_record");
        var created = api.post("/api/departments", """
                {"code":"roles-it","name":"Roles IT"}""");
        assertEquals(201, created.status(), created::toString);
        assertTrue(Database.count("audit_record") > before);

        try (Connection app = DriverManager.getConnection(System.getProperty(ThrowawayDatabase.URL),
                System.getProperty(ThrowawayDatabase.RUNTIME_USER), System.getProperty(ThrowawayDatabase.RUNTIME_PASSWORD));
             Statement s = app.createStatement()) {
            for (String sql : List.of("UPDATE audit_record SET actor = 'mallory'", "DELETE FROM audit_record",
                    "TRUNCATE audit_record", "DROP TRIGGER audit_record_no_update ON audit_record",
                    "ALTER TABLE audit_record ADD COLUMN note TEXT")) {
                SQLException refused = null;
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    refused = e;
                }
                assertFalse(refused == null, sql + " was allowed to the runtime role");
                assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
            }
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = Database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
