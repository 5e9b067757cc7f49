package io.cxtracker.persistence.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The guard asks PostgreSQL itself whether the datasource's login is a superuser. */
@ExtendWith(PostgresExtension.class)
class SuperuserLoginOverPostgresTest {

    @Test
    void theServersAdministratorIsASuperuserAndProductionRefusesIt(TestDatabase db) throws SQLException {
        StartupGuard.Login login;
        try (Connection admin = db.connectAsAdmin()) {
            login = StartupGuard.login(admin);
        }
        assertTrue(login.superuser(), login.toString());
        ProductionProfile.Verdict verdict = ProductionProfile.judge(new ProductionProfile.Settings("production", "s", "external",
                login.user(), login.superuser(), db.ownerRole(), java.util.List.of()));
        assertEquals(1, verdict.refusals().size());
        assertTrue(verdict.refusals().get(0).contains("(" + login.user() + ") is a PostgreSQL superuser"), verdict.refusals().get(0));
    }

    @Test
    void theRuntimeRoleIsNoSuperuserAndProductionStartsWithIt(TestDatabase db) throws SQLException {
        StartupGuard.Login login;
        try (Connection app = db.connect()) {
            login = StartupGuard.login(app);
        }
        assertEquals(new StartupGuard.Login(db.runtimeRole(), false), login);
        assertFalse(ProductionProfile.judge(new ProductionProfile.Settings("production", "s", "external", login.user(),
                login.superuser(), db.ownerRole(), java.util.List.of())).refused());
    }

    @Test
    void aRoleMadeSuperuserLaterIsSeenAsOne(TestDatabase db) throws SQLException {
        String role = db.runtimeRole() + "_su";
        db.executeAsAdmin("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD '" + db.rolePassword() + "'");
        try (Connection c = java.sql.DriverManager.getConnection(urlOf(db), role, db.rolePassword())) {
            assertEquals(new StartupGuard.Login(role, true), StartupGuard.login(c));
        } finally {
            db.executeAsAdmin("DROP ROLE " + role);
        }
    }

    private static String urlOf(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement ignored = c.createStatement()) {
            return c.getMetaData().getURL();
        }
    }
}
