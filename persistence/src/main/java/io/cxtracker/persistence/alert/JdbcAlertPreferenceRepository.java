package io.cxtracker.persistence.alert;

import io.cxtracker.domain.alert.AlertChannel;
import io.cxtracker.domain.alert.AlertFrequency;
import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.AlertPreference;
import io.cxtracker.domain.alert.AlertPreferenceRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Each user's alert choices, one row per user and kind, replaced in place. */
@ApplicationScoped
public class JdbcAlertPreferenceRepository implements AlertPreferenceRepository {

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcAlertPreferenceRepository() {
    }

    public JdbcAlertPreferenceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<AlertPreference> of(String user) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT kind, channel, frequency FROM alert_preference WHERE user_name = ? ORDER BY kind")) {
            select.setString(1, user);
            List<AlertPreference> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new AlertPreference(AlertKind.valueOf(rs.getString(1)), AlertChannel.valueOf(rs.getString(2)),
                            AlertFrequency.valueOf(rs.getString(3))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the alert preferences of " + user + " failed", e);
        }
    }

    @Override
    public void store(String user, List<AlertPreference> preferences) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO alert_preference (user_name, kind, channel, frequency) VALUES (?, ?, ?, ?)
                        ON CONFLICT ON CONSTRAINT alert_preference_pk
                        DO UPDATE SET channel = excluded.channel, frequency = excluded.frequency""")) {
            for (AlertPreference p : preferences) {
                upsert.setString(1, user);
                upsert.setString(2, p.kind().name());
                upsert.setString(3, p.channel().name());
                upsert.setString(4, p.frequency().name());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("storing the alert preferences of " + user + " failed", e);
        }
    }
}
