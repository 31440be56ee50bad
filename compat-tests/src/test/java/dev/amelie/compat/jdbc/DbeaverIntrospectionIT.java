package dev.amelie.compat.jdbc;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog queries DBeaver's PostgreSQL plugin sends on connect and when a table is opened
 * (plugins/org.jkiss.dbeaver.ext.postgresql/…/model: PostgreDataSource, PostgreDatabase,
 * PostgreExecutionContext, PostgreSchema's table, column, constraint and index caches,
 * PostgreDataTypeCache, PostgreTableReal), as prepared statements with the OIDs it binds with
 * setLong. Each must run and every column of every row must read through getObject, as DBeaver
 * reads them; the rows about the table must be what PostgreSQL 15 has.
 */
@Timeout(120) // a hang guard
class DbeaverIntrospectionIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    private static long namespace;
    private static long table;

    @BeforeAll
    static void createSchema() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists dbv_book");
            statement.execute("drop table if exists dbv_author");
            statement.execute("create table dbv_author (id serial primary key, name varchar(100) not null)");
            statement.execute("create table dbv_book (id bigint primary key, author_id int not null references dbv_author(id),"
                    + " title text not null, price numeric(10,2) check (price >= 0), created timestamptz default now())");
            statement.execute("create index dbv_book_title_idx on dbv_book (title)");
            try (ResultSet ids = statement.executeQuery(
                    "select 'dbv_book'::regclass::oid, (select oid from pg_namespace where nspname = 'public')")) {
                ids.next();
                table = ids.getLong(1);
                namespace = ids.getLong(2);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), "amelie", "");
    }

    /** Runs a statement with its parameters bound as DBeaver binds them; every value read with getObject. */
    private static List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else if (parameters[i] instanceof Integer number) {
                    statement.setInt(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) parameters[i]);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.putIfAbsent(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static List<Object> column(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(row -> row.get(name)).toList();
    }

    @Test
    void connectQueriesRun() throws SQLException {
        assertEquals(List.of("amelie"), column(rows("SELECT current_database()"), "current_database"));
        assertTrue(column(rows("SELECT version()"), "version").getFirst().toString().startsWith("PostgreSQL 15"));
        List<Map<String, Object>> schemaAndUser = rows("SELECT current_schema(),session_user");
        assertEquals("public", schemaAndUser.getFirst().get("current_schema"));
        assertEquals("amelie", schemaAndUser.getFirst().get("session_user"));
        rows("SHOW search_path");
        assertEquals(List.of("amelie"), column(rows("SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE 1 = 1 AND datallowconn"
                + " AND NOT datistemplate OR db.datname =?", "amelie"), "datname"));
        assertEquals(List.of("amelie"), column(rows("SELECT db.oid,db.* FROM pg_catalog.pg_database db WHERE datname=?", "amelie"),
                "datname"));
        rows("SELECT a.oid,a.*,pd.description FROM pg_catalog.pg_roles a \nleft join pg_catalog.pg_shdescription pd"
                + " on a.oid = pd.objoid\nORDER BY a.rolname");
        rows("SELECT am.oid,am.* FROM pg_catalog.pg_am am \nORDER BY am.oid");
        rows("SELECT c.contoencoding as encid,pg_catalog.pg_encoding_to_char(c.contoencoding) as encname\n"
                + "FROM pg_catalog.pg_conversion c\nGROUP BY c.contoencoding\nORDER BY 2\n");
        rows("SELECT c.oid,c.* FROM pg_catalog.pg_collation c \nORDER BY c.oid");
        rows("SELECT l.oid,l.* FROM pg_catalog.pg_language l \nORDER BY l.oid");
        rows("SELECT t.oid,t.*,pg_tablespace_location(t.oid) loc\nFROM pg_catalog.pg_tablespace t \nORDER BY t.oid");
        rows("SELECT name,default_version,installed_version,comment FROM pg_catalog.pg_available_extensions ORDER BY name");
        rows("SELECT pet.*, d.description FROM pg_catalog.pg_event_trigger pet\n"
                + "LEFT OUTER JOIN pg_catalog.pg_description d ON pet.\"oid\" = d.objoid");
        rows("SELECT \n e.oid,\n cfg.tbls,\n  n.nspname as schema_name,\n e.* \nFROM \n pg_catalog.pg_extension e \n"
                + " join pg_namespace n on n.oid =e.extnamespace\n left join  (\n         select\n"
                + "            ARRAY_AGG(ns.nspname || '.' ||  cls.relname) tbls, oid_ext\n          from\n            (\n"
                + "            select\n                unnest(e1.extconfig) oid , e1.oid oid_ext\n            from\n"
                + "                pg_catalog.pg_extension e1 ) c \n                join    pg_class cls on cls.oid = c.oid \n"
                + "                join pg_namespace ns on ns.oid = cls.relnamespace\n            group by oid_ext        \n"
                + "         ) cfg on cfg.oid_ext = e.oid\nORDER BY e.oid");
        assertTrue(column(rows("SELECT n.oid,n.*,d.description FROM pg_catalog.pg_namespace n\n"
                + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=n.oid AND d.objsubid=0 AND"
                + " d.classoid='pg_namespace'::regclass\n ORDER BY nspname"), "nspname").containsAll(
                List.of("information_schema", "pg_catalog", "public")));
        rows("SELECT t.oid,t.*,c.relkind,format_type(nullif(t.typbasetype, 0), t.typtypmod) as base_type_name, d.description"
                + "\nFROM pg_catalog.pg_type t\nLEFT OUTER JOIN pg_catalog.pg_type et ON et.oid=t.typelem "
                + "\nLEFT OUTER JOIN pg_catalog.pg_class c ON c.oid=t.typrelid"
                + "\nLEFT OUTER JOIN pg_catalog.pg_description d ON t.oid=d.objoid\nWHERE t.typname IS NOT NULL"
                + "\nAND (c.relkind IS NULL OR c.relkind = 'c') AND (et.typcategory IS NULL OR et.typcategory <> 'C')"
                + "\nAND t.typnamespace=? ", 11L);
        rows("SELECT db.datname,pg_database_size(db.oid) FROM pg_catalog.pg_database db WHERE db.oid=?", 16384L);
        rows("SELECT db.datname FROM pg_catalog.pg_database db WHERE datistemplate");
        rows("select * from pg_catalog.pg_settings where name=?", "max_index_keys");
        rows("SELECT * FROM pg_catalog.pg_enum");
    }

    @Test
    void openingATableReadsItsColumnsConstraintsAndIndexes() throws SQLException {
        List<Map<String, Object>> tables = rows("SELECT c.oid,c.*,d.description,pg_catalog.pg_get_expr(c.relpartbound, c.oid)"
                + " as partition_expr,  pg_catalog.pg_get_partkeydef(c.oid) as partition_key \nFROM pg_catalog.pg_class c\n"
                + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0 AND d.classoid='pg_class'::regclass\n"
                + "WHERE c.relnamespace=? AND c.relkind not in ('i','I','c')", namespace);
        assertTrue(column(tables, "relname").containsAll(List.of("dbv_author", "dbv_book", "dbv_author_id_seq")));
        rows("SELECT i.inhrelid relid, pc.relnamespace parent_ns, pc.oid parent_oid, i.inhseqno\n"
                + "FROM pg_catalog.pg_inherits i, pg_class rc, pg_class pc\nWHERE rc.oid=i.inhrelid AND rc.relnamespace=? AND pc.oid=i.inhparent",
                namespace);
        rows("select c.oid,pg_catalog.pg_total_relation_size(c.oid) as total_rel_size,pg_catalog.pg_relation_size(c.oid) as rel_size\n"
                + "FROM pg_class c\nWHERE c.relnamespace=?", namespace);

        List<Map<String, Object>> columns = rows("SELECT c.relname,a.*,pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value,"
                + "dsc.description,dep.objid\nFROM pg_catalog.pg_attribute a\nINNER JOIN pg_catalog.pg_class c ON (a.attrelid=c.oid)\n"
                + "LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid=ad.adrelid AND a.attnum = ad.adnum)\n"
                + "LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid=dsc.objoid AND a.attnum = dsc.objsubid)\n"
                + "LEFT OUTER JOIN pg_depend dep on dep.refobjid = a.attrelid AND dep.deptype = 'i' and dep.refobjsubid = a.attnum"
                + " and dep.classid = dep.refclassid\nWHERE NOT a.attisdropped AND c.relkind not in ('i','I','c') AND c.oid=?\n"
                + "ORDER BY a.attnum", table);
        // PostgreSQL lists the system columns (attnum < 0) first; we have none.
        List<Map<String, Object>> userColumns = columns.stream().filter(row -> ((Number) row.get("attnum")).intValue() > 0).toList();
        assertEquals(List.of("id", "author_id", "title", "price", "created"), column(userColumns, "attname"));
        assertEquals(java.util.Arrays.asList(null, null, null, null, "now()"), column(userColumns, "def_value"));
        assertEquals(List.of(true, true, true, false, false), column(userColumns, "attnotnull"));

        List<Map<String, Object>> constraints = rows("SELECT c.oid,c.*,t.relname as tabrelname,rt.relnamespace as refnamespace,"
                + "d.description, case when c.contype='c' then \"substring\"(pg_get_constraintdef(c.oid), 7) else null end consrc_copy"
                + "\nFROM pg_catalog.pg_constraint c\nINNER JOIN pg_catalog.pg_class t ON t.oid=c.conrelid"
                + "\nLEFT OUTER JOIN pg_catalog.pg_class rt ON rt.oid=c.confrelid"
                + "\nLEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid=c.oid AND d.objsubid=0 AND d.classoid='pg_constraint'::regclass"
                + "\nWHERE c.conrelid=?\nORDER BY c.oid", table);
        assertEquals(java.util.Set.of("dbv_book_pkey", "dbv_book_author_id_fkey", "dbv_book_price_check"),
                new java.util.HashSet<>(column(constraints, "conname")));

        List<Map<String, Object>> indexes = rows("SELECT i.*,i.indkey as keys,c.relname,c.relnamespace,c.relam,c.reltablespace,"
                + "tc.relname as tabrelname,dsc.description,pg_catalog.pg_get_expr(i.indpred, i.indrelid) as pred_expr,"
                + "pg_catalog.pg_get_expr(i.indexprs, i.indrelid, true) as expr,pg_catalog.pg_relation_size(i.indexrelid) as index_rel_size,"
                + "pg_catalog.pg_stat_get_numscans(i.indexrelid) as index_num_scans\nFROM pg_catalog.pg_index i"
                + "\nINNER JOIN pg_catalog.pg_class c ON c.oid=i.indexrelid\nINNER JOIN pg_catalog.pg_class tc ON tc.oid=i.indrelid"
                + "\nLEFT OUTER JOIN pg_catalog.pg_description dsc ON i.indexrelid=dsc.objoid\nWHERE  i.indrelid=? ORDER BY c.relname", table);
        assertEquals(List.of("dbv_book_pkey", "dbv_book_title_idx"), column(indexes, "relname"));
        long titleIndex = ((Number) indexes.get(1).get("indexrelid")).longValue();
        assertEquals(List.of("title"), column(rows("select pg_catalog.pg_get_indexdef(?, ?, true)", titleIndex, 1), "pg_get_indexdef"));

        rows("SELECT x.oid,x.*,p.pronamespace as func_schema_id,d.description\nFROM pg_catalog.pg_trigger x"
                + "\nLEFT OUTER JOIN pg_catalog.pg_proc p ON p.oid=x.tgfoid \nLEFT OUTER JOIN pg_catalog.pg_description d"
                + " ON d.objoid=x.oid AND d.objsubid=0 \nWHERE x.tgrelid = ?", table);
        rows("SELECT r.oid,r.*, pg_get_ruledef(r.oid) AS definition\nFROM pg_rewrite r\nWHERE r.ev_class=" + table
                + " AND r.rulename <> '_RETURN'::name");
        rows("SELECT * FROM pg_default_acl WHERE defaclnamespace = ?", namespace);
    }
}
