package io.cxtracker.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct SQL against the run's database: row counts that prove a refused write left nothing. */
public final class Database {
    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty(ThrowawayDatabase.URL),
                System.getProperty(ThrowawayDatabase.USER), System.getProperty(ThrowawayDatabase.PASSWORD));
    }

    public static long count(String table) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query, as text ("<none>" without a row, "<null>" for SQL NULL). */
    public static String value(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return "<none>";
            }
            String value = rs.getString(1);
            return value == null ? "<null>" : value;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs SQL on the server's maintenance database, for changes to the run's database itself. */
    public static void executeAdmin(String sql) {
        String url = System.getProperty(ThrowawayDatabase.URL);
        String admin = url.substring(0, url.lastIndexOf('/')) + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, System.getProperty(ThrowawayDatabase.USER),
                System.getProperty(ThrowawayDatabase.PASSWORD)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
