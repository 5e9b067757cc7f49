package io.cxtracker.persistence.schema;

import io.cxtracker.persistence.clock.ClockProducer;
import io.cxtracker.persistence.profile.StartupGuard;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Brings the schema up to date with the Flyway migrations of this module. It runs at start-up, but
 * a database that is down then must not keep the server from starting: readiness stays DOWN and the
 * next readiness probe tries again, so the app heals itself when PostgreSQL comes back.
 *
 * <p>Two logins: the migrations run as the <em>owner</em> ({@code cx.db.owner-user} / {@code CX_DB_OWNER_USER}),
 * over a plain JDBC connection to the datasource's own URL that is closed right after; WildFly's datasource
 * logs in as the <em>runtime</em> role, which then gets exactly what {@code db/runtime-grants.properties}
 * lists ({@link RuntimeGrants}). Without an owner login (a developer database used with one login) the
 * datasource's login migrates and owns everything; production mode refuses that (see {@code StartupGuard}).
 */
@ApplicationScoped
public class SchemaMigrator {
    public static final String OWNER_USER = "cx.db.owner-user";
    public static final String OWNER_PASSWORD = "cx.db.owner-password";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    @Inject
    Config config;

    @Inject
    StartupGuard guard;

    @Inject
    ClockProducer clocks;

    private volatile boolean migrated;
    private volatile String lastFailure = "not migrated yet";

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        migrateIfNeeded();
    }

    /** @return empty when the schema is current, else why it is not */
    public synchronized Optional<String> migrateIfNeeded() {
        if (migrated) {
            return Optional.empty();
        }
        Optional<String> refused = guard.refusal();
        if (refused.isPresent()) {
            // a refused start touches no data, not even the schema
            return refused;
        }
        try {
            Optional<String> ownerUser = config.getOptionalValue(OWNER_USER, String.class).filter(u -> !u.isBlank());
            String runtimeUser;
            String url;
            try (Connection runtime = dataSource.getConnection()) {
                runtimeUser = currentUser(runtime);
                url = runtime.getMetaData().getURL();
            }
            Optional<DataSource> owner = ownerUser.filter(o -> !o.equals(runtimeUser)).map(o -> ownerDataSource(url, o));
            Flyway flyway = owner.map(o -> flyway(o, runtimeUser).load()).orElseGet(() -> flyway(dataSource, null).load());
            var result = flyway.migrate();
            try (Connection schemaOwner = owner.orElse(dataSource).getConnection()) {
                writeClockShift(schemaOwner, clocks.shift());
            }
            var current = flyway.info().current();
            migrated = true;
            LOG.info(() -> "Schema is at version " + (current == null ? "none" : current.getVersion()) + " (" + result.migrationsExecuted
                    + " migrations applied now, as " + ownerUser.orElse(runtimeUser) + "; runtime login " + runtimeUser + ")");
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            lastFailure = e.getMessage();
            LOG.log(Level.WARNING, "Schema migration failed; readiness stays DOWN until it succeeds", e);
            return Optional.of(lastFailure);
        }
    }

    /**
     * The one Flyway configuration of the app (tests use it too). With a runtime role the grants of
     * {@code db/runtime-grants.properties} are applied to it after every migrate.
     */
    public static FluentConfiguration flyway(DataSource migrateAs, String runtimeRole) {
        FluentConfiguration configuration = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(migrateAs)
                .locations("classpath:db/migration");
        return runtimeRole == null ? configuration : configuration.callbacks(new RuntimeGrants(runtimeRole));
    }

    private DataSource ownerDataSource(String url, String owner) {
        PGSimpleDataSource owned = new PGSimpleDataSource();
        owned.setURL(url);
        owned.setUser(owner);
        owned.setPassword(config.getOptionalValue(OWNER_PASSWORD, String.class).orElse(""));
        owned.setApplicationName("cxtracker-migrations");
        return owned;
    }

    /**
     * Moves the database's own stamps (audit records, seals, the plan's history: V19) with the app's clock, as the
     * login that owns the schema; a real clock removes any shift an earlier local run left.
     */
    static void writeClockShift(Connection schemaOwner, Duration shift) throws SQLException {
        if (shift.isZero()) {
            try (Statement s = schemaOwner.createStatement()) {
                s.executeUpdate("DELETE FROM clock_shift");
            }
            return;
        }
        try (PreparedStatement p = schemaOwner.prepareStatement("INSERT INTO clock_shift (shift) VALUES (make_interval(secs => ?::float8))"
                + " ON CONFLICT (only_row) DO UPDATE SET shift = EXCLUDED.shift")) {
            p.setBigDecimal(1, BigDecimal.valueOf(shift.getSeconds()).add(BigDecimal.valueOf(shift.getNano(), 9)));
            p.executeUpdate();
        }
        LOG.warning("Local mode: the database's stamps are moved by " + shift + " like the app's clock");
    }

    static String currentUser(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
