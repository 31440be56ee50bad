package dev.amelie.admin.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One table of (key, value) rows. insert: {@code batch} new rows per INSERT; upsert: {@code
 * batch} rows per INSERT … ON CONFLICT DO UPDATE over {@code keys} keys; point-select: one key
 * per SELECT. Every statement is an autocommit transaction, prepared once per client.
 */
final class KeyValueWorkload implements Workload {
    enum Kind { INSERT, UPSERT, POINT_SELECT }

    private final Kind kind;
    private final int keys;
    private final int batch;

    KeyValueWorkload(Kind kind, int keys, int batch) {
        this.kind = kind;
        this.keys = keys;
        this.batch = batch;
    }

    private String table() {
        return kind == Kind.INSERT ? "bench_insert" : "bench_kv";
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("create table if not exists " + table() + " (k bigint primary key, v bigint not null)");
            if (kind == Kind.INSERT) {
                s.execute("truncate " + table());
                return;
            }
            try (ResultSet rs = s.executeQuery("select count(*) from bench_kv")) {
                rs.next();
                if (rs.getLong(1) >= keys) {
                    return;
                }
            }
            for (int first = 0; first < keys; first += 1000) {
                StringBuilder insert = new StringBuilder("insert into bench_kv values ");
                for (int k = first; k < Math.min(keys, first + 1000); k++) {
                    insert.append(k == first ? "" : ",").append('(').append(k).append(", 0)");
                }
                s.execute(insert + " on conflict (k) do nothing");
            }
        }
    }

    @Override
    public Client client(Connection connection, int clientId) throws SQLException {
        String sql = switch (kind) {
            case INSERT -> "insert into bench_insert values " + placeholders();
            case UPSERT -> "insert into bench_kv values " + placeholders() + " on conflict (k) do update set v = bench_kv.v + 1";
            case POINT_SELECT -> "select v from bench_kv where k = ?";
        };
        PreparedStatement statement = connection.prepareStatement(sql);
        long[] next = {(long) clientId << 40};
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (kind == Kind.POINT_SELECT) {
                statement.setLong(1, random.nextInt(keys));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                }
                return 1;
            }
            for (int i = 0; i < batch; i++) {
                // Upserts of one statement take distinct keys: PostgreSQL refuses one row twice.
                long key = kind == Kind.INSERT ? next[0]++ : (random.nextInt(keys / batch) * (long) batch + i) % keys;
                statement.setLong(2 * i + 1, key);
                statement.setLong(2 * i + 2, i);
            }
            statement.executeUpdate();
            return 1;
        };
    }

    private String placeholders() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < batch; i++) {
            rows.append(i == 0 ? "" : ", ").append("(?, ?)");
        }
        return rows.toString();
    }
}
