package io.cxtracker.persistence.schema;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the Flyway migrations of this module. It runs at start-up, but
 * a database that is down then must not keep the server from starting: readiness stays DOWN and the
 * next readiness probe tries again, so the app heals itself when PostgreSQL comes back.
 */
@ApplicationScoped
public class SchemaMigrator {
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

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
        try {
            var result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            migrated = true;
            LOG.info(() -> "Schema is at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
            return Optional.empty();
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            LOG.log(Level.WARNING, "Schema migration failed; readiness stays DOWN until it succeeds", e);
            return Optional.of(lastFailure);
        }
    }
}
