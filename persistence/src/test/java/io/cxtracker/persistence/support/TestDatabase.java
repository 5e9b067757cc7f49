package io.cxtracker.persistence.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import io.cxtracker.persistence.schema.SchemaMigrator;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A throwaway PostgreSQL database for one test run: created on the machine's server (127.0.0.1:5432,
 * user postgres, or CX_TEST_ADMIN_URL / CX_TEST_DB_USER / CX_TEST_DB_PASSWORD), else on an embedded
 * PostgreSQL started for the run; migrated by the module's Flyway migrations; dropped at the end.
 *
 * <p>Hibernate is bootstrapped resource-local with the entity classes and properties of the real
 * {@code META-INF/persistence.xml}, and validates the mappings against the migrated schema, so a
 * mapping that does not match the migrations fails every test.
 */
public final class TestDatabase implements AutoCloseable {
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private final String url;
    private final EmbeddedPostgres embedded;
    private final EntityManagerFactory emf;
    private final String ownerRole;
    private final String runtimeRole;
    private final String rolePassword;

    private TestDatabase(String adminUrl, String user, String password, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.name = "cx_test_" + ProcessHandle.current().pid() + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        this.url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        // the two roles of a deployment (docs/OPERATIONS.md): the owner migrates, the tests' JPA and JDBC work runs
        // as the runtime role with only the grants of db/runtime-grants.properties, as in WildFly
        this.ownerRole = name + "_owner";
        this.runtimeRole = name + "_app";
        this.rolePassword = "pw_" + Long.toString(System.nanoTime(), 36);
        execute(adminUrl, "CREATE ROLE " + ownerRole + " LOGIN PASSWORD '" + rolePassword + "'");
        execute(adminUrl, "CREATE ROLE " + runtimeRole + " LOGIN PASSWORD '" + rolePassword + "'");
        execute(adminUrl, "CREATE DATABASE " + name + " OWNER " + ownerRole);
        try {
            SchemaMigrator.flyway(ownerDataSource(), runtimeRole).load().migrate();
            this.emf = entityManagerFactory();
        } catch (RuntimeException | Error e) {
            dropAll();
            throw e;
        }
        System.out.println("[persistence-test] throwaway database " + url + (embedded == null ? "" : " (embedded)"));
    }

    public static TestDatabase start() {
        String user = env("CX_TEST_DB_USER", "postgres");
        String password = env("CX_TEST_DB_PASSWORD", "postgres");
        String adminUrl = env("CX_TEST_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        if (answers(adminUrl, user, password)) {
            return new TestDatabase(adminUrl, user, password, null);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new TestDatabase("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL answers at " + adminUrl + " and the embedded one did not start", e);
        }
    }

    /**
     * A JPA (container-style) bootstrap, as WildFly does it, so that JPA semantics such as cascading
     * PERSIST at flush are the same as in production; only the transactions are resource-local.
     */
    private EntityManagerFactory entityManagerFactory() {
        PersistenceUnit unit = PersistenceUnit.read();
        Properties properties = new Properties();
        properties.putAll(unit.properties());
        properties.put("jakarta.persistence.jdbc.url", url);
        properties.put("jakarta.persistence.jdbc.user", runtimeRole);
        properties.put("jakarta.persistence.jdbc.password", rolePassword);
        properties.put("hibernate.connection.pool_size", "8");
        properties.put("hibernate.boot.allow_jdbc_metadata_access", "true");
        properties.put("hibernate.hbm2ddl.auto", "validate");
        properties.put("hibernate.type.json_format_mapper", NoJsonFormatMapper.class.getName());
        // WildFly runs Hibernate with JPA query compliance (e.g. no alias on a fetch join): so do the tests
        properties.put("hibernate.jpa.compliance.query", "true");
        return new HibernatePersistenceProvider().createContainerEntityManagerFactory(
                new ResourceLocalUnit(unit.classes(), properties), Map.of());
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** Runs the work in a transaction of its own entity manager, committed unless the work throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try (EntityManager em = emf.createEntityManager()) {
            EntityTransaction tx = em.getTransaction();
            tx.begin();
            try {
                T result = work.apply(em);
                tx.commit();
                return result;
            } finally {
                if (tx.isActive()) {
                    tx.rollback();
                }
            }
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** A connection as the runtime role (what WildFly's datasource logs in as). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, runtimeRole, rolePassword);
    }

    /** A connection as the owner role, which ran the migrations (what an attacker with the owner login could do). */
    public Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection(url, ownerRole, rolePassword);
    }

    public String runtimeRole() {
        return runtimeRole;
    }

    public String ownerRole() {
        return ownerRole;
    }

    /** The password of both test roles. */
    public String rolePassword() {
        return rolePassword;
    }

    /** A connection as the server's administrator (superuser), e.g. to create roles. */
    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Runs SQL on the server's maintenance database as its administrator (roles are server-wide). */
    public void executeAsAdmin(String sql) {
        execute(adminUrl, sql);
    }

    private DataSource ownerDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(ownerRole);
        ds.setPassword(rolePassword);
        return ds;
    }

    /** The single number a query answers, e.g. a count. */
    public long number(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs SQL in its own connection as the runtime role; the failure, if any, is thrown. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs SQL as the owner role (e.g. to show that a trigger refuses even the owner); the failure is thrown. */
    public void executeAsOwner(String sql) throws SQLException {
        try (Connection c = connectAsOwner(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public List<String> appliedMigrations() {
        List<String> versions = new ArrayList<>();
        try (Connection c = connectAsOwner(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return versions;
    }

    /**
     * Another database on the same server, migrated up to Flyway version {@code target} (null: every
     * migration), for a test that must own the whole database (a migration of existing data, a chain it
     * rewrites as its owner). Dropped when closed.
     */
    public Scratch scratch(String target) {
        return new Scratch(target);
    }

    /** A database of one test: see {@link #scratch}. */
    public final class Scratch implements AutoCloseable {
        private final String scratchName = name + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        private final String scratchUrl = url.substring(0, url.lastIndexOf('/') + 1) + scratchName;

        private Scratch(String target) {
            execute(adminUrl, "CREATE DATABASE " + scratchName);
            migrate(target);
        }

        /** Applies the migrations up to {@code target} (null: all). */
        public void migrate(String target) {
            var config = Flyway.configure().dataSource(scratchUrl, user, password).locations("classpath:db/migration");
            if (target != null) {
                config = config.target(target);
            }
            config.load().migrate();
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(scratchUrl, user, password);
        }

        @Override
        public void close() {
            execute(adminUrl, "DROP DATABASE IF EXISTS " + scratchName + " WITH (FORCE)");
        }
    }

    /** Migrations on the classpath not applied to this database (none, after start-up). */
    public int pendingMigrations() {
        return SchemaMigrator.flyway(ownerDataSource(), null).load().info().pending().length;
    }

    @Override
    public void close() {
        emf.close();
        try {
            dropAll();
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    System.err.println("[persistence-test] could not stop embedded PostgreSQL: " + e.getMessage());
                }
            }
        }
    }

    private void dropAll() {
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute(adminUrl, "DROP ROLE IF EXISTS " + runtimeRole);
        execute(adminUrl, "DROP ROLE IF EXISTS " + ownerRole);
    }

    private void execute(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static boolean answers(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The classes and properties of the module's persistence unit. */
    record PersistenceUnit(List<String> classes, Map<String, String> properties) {
        static PersistenceUnit read() {
            try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream("META-INF/persistence.xml")) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document xml = factory.newDocumentBuilder().parse(in);
                List<String> classes = new ArrayList<>();
                NodeList classNodes = xml.getElementsByTagNameNS("*", "class");
                for (int i = 0; i < classNodes.getLength(); i++) {
                    classes.add(classNodes.item(i).getTextContent().strip());
                }
                Map<String, String> properties = new LinkedHashMap<>();
                NodeList propertyNodes = xml.getElementsByTagNameNS("*", "property");
                for (int i = 0; i < propertyNodes.getLength(); i++) {
                    Element property = (Element) propertyNodes.item(i);
                    properties.put(property.getAttribute("name"), property.getAttribute("value"));
                }
                return new PersistenceUnit(classes, properties);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read META-INF/persistence.xml", e);
            }
        }
    }
}
