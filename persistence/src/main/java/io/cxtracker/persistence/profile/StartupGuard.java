package io.cxtracker.persistence.profile;

import io.cxtracker.domain.shared.StartupRefusal;
import io.cxtracker.persistence.schema.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Decides once whether this deployment may serve: gathers the settings {@link ProductionProfile} judges, one of
 * them from the database (is the runtime login a superuser?). Until the database has answered, a production
 * deployment does not serve either; a refusal is logged as one line and stays until the server restarts.
 */
@ApplicationScoped
public class StartupGuard implements StartupRefusal {
    private static final Logger LOG = Logger.getLogger(StartupGuard.class.getName());

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    @Inject
    Config config;

    @Inject
    Instance<StartupCheck> checks;

    private volatile ProductionProfile.Verdict verdict;

    @Override
    public Optional<String> reason() {
        return refusal();
    }

    /** @return why the app does not serve; empty when it does */
    public Optional<String> refusal() {
        // asked by every request: once decided, a volatile read and no lock
        ProductionProfile.Verdict decided = verdict != null ? verdict : decide();
        if (decided != null) {
            return decided.refused() ? Optional.of(String.join("; ", decided.refusals())) : Optional.empty();
        }
        return production() ? Optional.of("the start-up checks wait for the database to answer") : Optional.empty();
    }

    private synchronized ProductionProfile.Verdict decide() {
        if (verdict != null) {
            return verdict;
        }
        Login runtime;
        try (Connection c = dataSource.getConnection()) {
            runtime = login(c);
        } catch (SQLException | RuntimeException e) {
            return null; // asked again at the next readiness probe
        }
        String mode = value(DeploymentMode.KEY);
        List<String> componentProblems = DeploymentMode.parse(mode)
                .map(parsed -> checks.stream().flatMap(check -> check.problem(parsed).stream()).toList())
                .orElse(List.of());
        ProductionProfile.Verdict judged = ProductionProfile.judge(new ProductionProfile.Settings(
                mode, value("cx.oidc.client-secret"), value("cx.oidc.ssl-required"),
                runtime.user(), runtime.superuser(), value(SchemaMigrator.OWNER_USER), componentProblems,
                mailEnabled() ? value("cx.directory.client-secret") : null));
        if (judged.refused()) {
            LOG.severe(ProductionProfile.refusalLine(judged));
        }
        judged.warnings().forEach(w -> LOG.warning("Local mode (CX_MODE=local) only: " + w));
        verdict = judged;
        return judged;
    }

    /** Who a connection is logged in as, and whether PostgreSQL treats that role as a superuser. */
    public record Login(String user, boolean superuser) {
    }

    public static Login login(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (!rs.next()) {
                throw new SQLException("the login's role is not in pg_roles");
            }
            return new Login(rs.getString(1), rs.getBoolean(2));
        }
    }

    /** Alert e-mails, and so the directory client, are on unless {@code cx.mail.enabled=false}. */
    private boolean mailEnabled() {
        return config.getOptionalValue("cx.mail.enabled", Boolean.class).orElse(true);
    }

    private boolean production() {
        return DeploymentMode.parse(value(DeploymentMode.KEY)).orElse(DeploymentMode.PRODUCTION) != DeploymentMode.LOCAL;
    }

    private String value(String key) {
        return config.getOptionalValue(key, String.class).orElse(null);
    }
}
