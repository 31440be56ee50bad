package dev.amelie.compat.migrations;

import dev.amelie.compat.server.SharedServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.CleanResult;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flyway (13.12.1, its PostgreSQL support) through pgjdbc against the real server: versioned
 * migrations run in order, each in its transaction under Flyway's advisory lock; info and
 * validate read the schema history; a repeatable migration runs after them once; migrate
 * again has nothing to do; clean drops every table, view and the history table, found
 * through pg_catalog and information_schema; and everything migrates again from scratch.
 * Every test starts from a clean schema, so each one stands alone.
 */
@Timeout(180)
class FlywayIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    private static final String VERSIONED = "classpath:flyway/versioned";
    private static final String REPEATABLE = "classpath:flyway/repeatable";

    private static Flyway flyway(String... locations) {
        return Flyway.configure()
                .dataSource(server.jdbcUrl(), null, null)
                .locations(locations)
                .cleanDisabled(false)
                .load();
    }

    @BeforeEach
    void cleanSchema() {
        flyway(VERSIONED).clean();
    }

    @Test
    void migrateAppliesTheVersionedMigrationsInOrder() throws Exception {
        MigrateResult result = flyway(VERSIONED).migrate();

        assertTrue(result.success);
        assertEquals(3, result.migrationsExecuted);
        assertEquals("3", result.targetSchemaVersion);
        assertEquals(List.of("Ada|ada@example.com", "Grace|null"),
                rows("select name, email from customers order by id"));
        assertEquals(List.of("Ada|15.75", "Grace|7.00"), rows("select name, total from customer_totals order by name"));
        assertEquals(List.of("1|create customers and orders|SQL|t", "2|add email and data|SQL|t",
                        "3|customer totals view|SQL|t"),
                rows("select version, description, type, success from flyway_schema_history order by installed_rank"));
    }

    @Test
    void theForeignKeyAndTheIndexOfTheFirstMigrationHold() throws Exception {
        flyway(VERSIONED).migrate();

        SQLException orphan = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> execute("insert into orders (id, customer_id, amount) values (99, 42, 1.00)"));
        assertEquals("23503", orphan.getSQLState());
        assertEquals(List.of("orders_customer_id"),
                rows("select indexname from pg_indexes where tablename = 'orders' and indexname <> 'orders_pkey'"));
    }

    @Test
    void infoAndValidateSeeEveryMigrationApplied() {
        Flyway flyway = flyway(VERSIONED);
        flyway.migrate();

        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(List.of("1", "2", "3"), Arrays.stream(applied).map(i -> i.getVersion().getVersion()).toList());
        assertTrue(Arrays.stream(applied).allMatch(i -> i.getState() == MigrationState.SUCCESS));
        assertEquals(0, flyway.info().pending().length);
        assertTrue(flyway.validateWithResult().validationSuccessful);
    }

    @Test
    void aRepeatableMigrationRunsOnceAfterTheVersionedOnesAndMigrateAgainIsANoOp() throws Exception {
        flyway(VERSIONED).migrate();
        Flyway withRepeatable = flyway(VERSIONED, REPEATABLE);

        MigrateResult first = withRepeatable.migrate();
        MigrateResult second = withRepeatable.migrate();

        assertEquals(1, first.migrationsExecuted);
        assertEquals(0, second.migrationsExecuted);
        assertEquals(List.of("Ada|ada@example.com"), rows("select name, email from customer_emails"));
        assertEquals(List.of("null|customer emails view|t"),
                rows("select version, description, success from flyway_schema_history where type = 'SQL' and version is null"));
        assertTrue(withRepeatable.validateWithResult().validationSuccessful);
    }

    @Test
    void cleanDropsEverythingAndMigrateStartsAgainFromScratch() throws Exception {
        flyway(VERSIONED, REPEATABLE).migrate();

        CleanResult cleaned = flyway(VERSIONED).clean();

        assertEquals(List.of("public"), cleaned.schemasCleaned);
        assertEquals(List.of(), rows("select table_name from information_schema.tables where table_schema = 'public'"));
        assertEquals(List.of(), rows("select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'public'"));

        MigrateResult again = flyway(VERSIONED).migrate();
        assertEquals(3, again.migrationsExecuted);
        assertEquals(List.of("Ada|15.75", "Grace|7.00"), rows("select name, total from customer_totals order by name"));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return rows(s, sql);
        }
    }

    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
