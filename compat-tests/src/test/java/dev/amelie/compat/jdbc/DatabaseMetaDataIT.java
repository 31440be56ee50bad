package dev.amelie.compat.jdbc;

import dev.amelie.compat.differential.PostgresServer;
import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pgjdbc's DatabaseMetaData, which reads pg_catalog (and information_schema._pg_expandarray)
 * with queries of its own, answers for our catalog what it answers for PostgreSQL 15's: the same
 * schema is made on both servers and every call's rows are compared as text. The database is
 * amelie on both, so the catalog columns agree too. Skipped where PostgreSQL 15 is not installed.
 */
@Timeout(180)
@EnabledIf("postgres15Installed")
class DatabaseMetaDataIT {
    @RegisterExtension
    static final SharedServer amelie = new SharedServer(2);
    @RegisterExtension
    static final PostgresServer postgres = new PostgresServer();

    private static final String[] SCHEMA = {
            "create schema shop",
            "create table customers (id serial primary key, name varchar(40) not null, email text unique,"
                    + " balance numeric(10,2) default 0, code char(3))",
            "create table orders (id bigint, line int, customer_id int references customers(id) on delete cascade,"
                    + " placed date, note text default 'none', primary key (id, line))",
            "create index orders_placed on orders (placed)",
            "create unique index orders_note on orders (note, placed)",
            "create view big_customers as select id, name, balance, code, email from customers where balance > 100",
            "create sequence order_numbers",
            "create table shop.items (sku int primary key, title text, price double precision)",
            "create table shop.stock (sku int references shop.items on delete set null, place smallint, count bigint,"
                    + " primary key (sku, place))",
    };

    static boolean postgres15Installed() {
        return Files.isExecutable(PostgresServer.BINARIES.resolve("postgres"));
    }

    @BeforeAll
    static void schema() throws SQLException {
        for (String url : new String[] {amelie.jdbcUrl(), postgresUrl()}) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                for (String statement : SCHEMA) {
                    s.execute(statement);
                }
            }
        }
    }

    private static String postgresUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/amelie?user=amelie";
    }

    private interface Call {
        ResultSet on(DatabaseMetaData metaData) throws SQLException;
    }

    /** The column labels, then each row's values as pgjdbc's getString gives them, joined by |. */
    private static List<String> rows(String url, Call call) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = call.on(c.getMetaData())) {
            List<String> rows = new ArrayList<>();
            ResultSetMetaData columns = rs.getMetaData();
            StringBuilder labels = new StringBuilder();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                labels.append(i > 1 ? "|" : "").append(columns.getColumnLabel(i));
            }
            rows.add(labels.toString());
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private static List<String> sameAsPostgres(Call call) throws SQLException {
        List<String> expected = rows(postgresUrl(), call);
        List<String> actual = rows(amelie.jdbcUrl(), call);
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        return actual;
    }

    @Test
    void schemasAreTheUsersAndTheSystemOnes() throws SQLException {
        List<String> rows = sameAsPostgres(m -> m.getSchemas());
        assertTrue(rows.contains("shop|amelie"), rows::toString);
        sameAsPostgres(m -> m.getSchemas(null, "sh%"));
    }

    @Test
    void tablesOfEachTypeWithTheirSchemas() throws SQLException {
        sameAsPostgres(m -> m.getTables(null, "public", "%", null));
        sameAsPostgres(m -> m.getTables(null, "shop", null, null));
        List<String> tables = sameAsPostgres(m -> m.getTables(null, null, "%", new String[] {"TABLE"}));
        assertEquals(5, tables.size(), tables::toString);
        sameAsPostgres(m -> m.getTables(null, null, "%", new String[] {"VIEW"}));
        List<String> sequences = sameAsPostgres(m -> m.getTables(null, null, "%", new String[] {"SEQUENCE"}));
        assertTrue(sequences.contains("amelie|public|customers_id_seq|SEQUENCE|null|||||"), sequences::toString);
        sameAsPostgres(m -> m.getTables(null, null, "%", new String[] {"INDEX"}));
        sameAsPostgres(m -> m.getTables(null, null, "orders", new String[] {"TABLE", "VIEW"}));
    }

    @Test
    void columnsWithTypesSizesNullabilityDefaultsAndSerials() throws SQLException {
        List<String> columns = sameAsPostgres(m -> m.getColumns(null, "public", "%", "%"));
        assertTrue(columns.stream().anyMatch(row -> row.startsWith("amelie|public|customers|id|4|serial|10|")
                && row.contains("|nextval('customers_id_seq'::regclass)|") && row.endsWith("|YES|NO")), columns::toString);
        sameAsPostgres(m -> m.getColumns(null, "shop", "%", null));
        sameAsPostgres(m -> m.getColumns(null, null, "orders", "n%"));
    }

    @Test
    void primaryKeysInKeyOrder() throws SQLException {
        List<String> keys = sameAsPostgres(m -> m.getPrimaryKeys(null, "public", "orders"));
        assertEquals(List.of("amelie|public|orders|id|1|orders_pkey", "amelie|public|orders|line|2|orders_pkey"), keys.subList(1, 3));
        sameAsPostgres(m -> m.getPrimaryKeys(null, null, "customers"));
        sameAsPostgres(m -> m.getPrimaryKeys(null, "shop", "stock"));
        sameAsPostgres(m -> m.getPrimaryKeys(null, "public", "big_customers"));
    }

    @Test
    void foreignKeysWithTheirRulesBothWays() throws SQLException {
        List<String> imported = sameAsPostgres(m -> m.getImportedKeys(null, "public", "orders"));
        // DELETE_RULE 0 is importedKeyCascade, UPDATE_RULE 3 importedKeyNoAction.
        assertEquals("amelie|public|customers|id|amelie|public|orders|customer_id|1|3|0|orders_customer_id_fkey|customers_pkey|7",
                imported.get(1));
        sameAsPostgres(m -> m.getExportedKeys(null, "public", "customers"));
        sameAsPostgres(m -> m.getImportedKeys(null, "shop", "stock"));
        sameAsPostgres(m -> m.getExportedKeys(null, "shop", "items"));
        sameAsPostgres(m -> m.getCrossReference(null, "public", "customers", null, "public", "orders"));
    }

    @Test
    void indexesUniqueAndNot() throws SQLException {
        List<String> indexes = sameAsPostgres(m -> m.getIndexInfo(null, "public", "orders", false, false));
        assertTrue(indexes.contains("amelie|public|orders|t|null|orders_placed|3|1|placed|A|0|1|null|null"), indexes::toString);
        sameAsPostgres(m -> m.getIndexInfo(null, "public", "orders", true, false));
        sameAsPostgres(m -> m.getIndexInfo(null, "public", "customers", false, true));
        sameAsPostgres(m -> m.getIndexInfo(null, "shop", "stock", false, false));
        sameAsPostgres(m -> m.getBestRowIdentifier(null, "public", "orders", DatabaseMetaData.bestRowSession, true));
    }

    @Test
    void functionsAndProceduresOfTheUsersSchemasAreNone() throws SQLException {
        sameAsPostgres(m -> m.getProcedures(null, "public", "%"));
        sameAsPostgres(m -> m.getFunctions(null, "public", "%"));
    }

    @Test
    void catalogIsTheOneDatabaseAndTableTypesAreTheDrivers() throws SQLException {
        // PostgreSQL's cluster has postgres and template1 besides; we have the one database.
        List<String> catalogs = rows(amelie.jdbcUrl(), m -> m.getCatalogs());
        assertEquals(List.of("TABLE_CAT", "amelie"), catalogs);
        assertTrue(rows(postgresUrl(), m -> m.getCatalogs()).contains("amelie"));
        sameAsPostgres(m -> m.getTableTypes());
    }

    /** Our pg_type has the types we store and those clients look up; each of them is described as PostgreSQL describes it. */
    @Test
    void typeInfoDescribesEachOfOurTypesAsPostgresDoes() throws SQLException {
        Map<String, String> expected = byTypeName(rows(postgresUrl(), m -> m.getTypeInfo()));
        Map<String, String> actual = byTypeName(rows(amelie.jdbcUrl(), m -> m.getTypeInfo()));
        for (String type : List.of("bool", "int2", "int4", "int8", "serial", "bigserial", "numeric", "float8", "text",
                "varchar", "bpchar", "date", "timestamp", "timestamptz", "uuid", "bytea", "jsonb", "_int4")) {
            assertTrue(actual.containsKey(type), type);
        }
        for (Map.Entry<String, String> type : actual.entrySet()) {
            assertEquals(expected.get(type.getKey()), type.getValue(), type.getKey());
        }
        assertFalse(actual.isEmpty());
    }

    private static Map<String, String> byTypeName(List<String> rows) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            byName.put(row.substring(0, row.indexOf('|')), row);
        }
        return byName;
    }
}
