package dev.amelie.compat.jdbc;

import dev.amelie.compat.server.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RowDescription names the table and column a result column is read from, as PostgreSQL's does:
 * pgjdbc's ResultSetMetaData reports them, and its updatable result sets (what GUI tools edit
 * table data with) find the table and its primary key to write rows back.
 */
class UpdatableResultSetIT {
    @RegisterExtension
    static final SharedServer server = new SharedServer(2);

    @Test
    void resultColumnsNameTheirTableAndColumn() throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("create table ur_meta (id int primary key, label text, qty int)");
            try (ResultSet r = s.executeQuery("select label, id, qty * 2 as doubled from ur_meta")) {
                ResultSetMetaData meta = r.getMetaData();
                assertEquals("ur_meta", meta.getTableName(1));
                assertEquals("label", meta.getColumnName(1));
                assertEquals("ur_meta", meta.getTableName(2));
                assertEquals("", meta.getTableName(3), "a computed column has no table");
                assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(2), "the key column is NOT NULL");
            }
        }
    }

    @Test
    void updatableResultSetWritesRowsBack() throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
             Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE)) {
            s.execute("create table ur_rows (id int primary key, label text)");
            s.execute("insert into ur_rows values (1, 'one'), (2, 'two'), (3, 'three')");
            try (ResultSet r = s.executeQuery("select id, label from ur_rows order by id")) {
                assertEquals(ResultSet.CONCUR_UPDATABLE, r.getConcurrency());
                r.next();
                r.updateString("label", "uno");
                r.updateRow();
                r.next();
                r.deleteRow();
                r.moveToInsertRow();
                r.updateInt("id", 4);
                r.updateString("label", "four");
                r.insertRow();
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select id, label from ur_rows order by id")) {
                while (r.next()) {
                    rows.add(r.getInt(1) + ":" + r.getString(2));
                }
            }
            assertEquals(List.of("1:uno", "3:three", "4:four"), rows);
        }
    }
}
