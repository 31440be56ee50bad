package dev.amelie.compat.catalog;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients keep OIDs (pgjdbc caches type and table OIDs, tools store them): every catalog object
 * keeps its OID across a checkpoint and a restart, and OIDs are unique within each catalog.
 */
class CatalogOidsIT {
    private static final String OBJECTS = """
            select 'class', c.oid, n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            union all select 'namespace', oid, nspname from pg_namespace
            union all select 'constraint', oid, conname from pg_constraint
            union all select 'attrdef', oid, adrelid || '.' || adnum from pg_attrdef
            union all select 'type', oid, typname from pg_type
            union all select 'proc', oid, proname from pg_proc
            order by 1, 3, 2""";

    @TempDir
    Path temp;

    @Test
    void catalogObjectsKeepTheirOidsAcrossRestarts() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        List<String> before;
        try (ServerProcess server = ServerProcess.start(data, 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create schema oid_s");
                s.execute("create table oid_a (id int primary key, v text default 'x' check (v <> ''))");
                s.execute("create table oid_s.oid_b (id serial primary key, a int references oid_a (id), u text unique)");
                s.execute("create index oid_a_v on oid_a (v)");
                s.execute("create view oid_v as select id from oid_a");
                s.execute("checkpoint");
                s.execute("create sequence oid_seq");
                s.execute("create table oid_c (k bigint primary key)");
                before = objects(s);
            }
            server.stop();
            server.restart();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                assertEquals(before, objects(s));
                try (ResultSet r = s.executeQuery("select count(*), count(distinct oid) from pg_class")) {
                    r.next();
                    assertEquals(r.getLong(1), r.getLong(2), "pg_class OIDs are unique");
                }
                try (ResultSet r = s.executeQuery("select count(*) from pg_class where relname in "
                        + "('oid_a', 'oid_b', 'oid_b_pkey', 'oid_a_v', 'oid_v', 'oid_seq', 'oid_c', 'oid_b_u_key', 'oid_b_id_seq')")) {
                    r.next();
                    assertEquals(9, r.getLong(1));
                }
            }
        }
        assertTrue(before.size() > 300, "types, functions and relations are listed: " + before.size());
    }

    private static List<String> objects(Statement s) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(OBJECTS)) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getLong(2) + " " + r.getString(3));
            }
        }
        return rows;
    }
}
