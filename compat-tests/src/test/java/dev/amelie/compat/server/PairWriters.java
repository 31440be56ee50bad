package dev.amelie.compat.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writers for crash tests: each inserts rows {@code (id, writer, pair)} two at a time, one
 * statement per pair (id and id + 1, each naming the other), so a surviving half pair is a torn
 * transaction; the even id of every acknowledged pair is recorded. They stop when told, after a
 * bounded number of pairs, or when the server goes away (a SQLException ends a writer quietly:
 * after a kill, what was acknowledged is what counts).
 */
public final class PairWriters {
    private static final int MAX_PAIRS_PER_WRITER = 100_000;

    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread[] writers;

    /** Starts {@code count} writers into {@code table} (id int primary key, writer int, pair int). */
    public PairWriters(String jdbcUrl, String table, int count) {
        writers = new Thread[count];
        for (int w = 0; w < count; w++) {
            int writer = w;
            writers[w] = Thread.ofPlatform().name("pair-writer-" + w).start(() -> write(jdbcUrl, table, writer));
        }
    }

    private void write(String jdbcUrl, String table, int writer) {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement insert = c.prepareStatement("insert into " + table + " values (?, ?, ?), (?, ?, ?)")) {
            for (int i = 0; i < MAX_PAIRS_PER_WRITER && !stop.get(); i++) {
                int id = writer * 1_000_000 + i * 2;
                insert.setInt(1, id);
                insert.setInt(2, writer);
                insert.setInt(3, id + 1);
                insert.setInt(4, id + 1);
                insert.setInt(5, writer);
                insert.setInt(6, id);
                insert.executeUpdate();
                acknowledged.add(id);
            }
        } catch (SQLException expectedWhenKilled) {
            // the server went away mid-run: what was acknowledged is what counts
        }
    }

    /** The even ids of the pairs whose INSERT was acknowledged. */
    public Set<Integer> acknowledged() {
        return acknowledged;
    }

    /** Tells the writers to stop and waits for them (bounded). */
    public void stopAndJoin() throws InterruptedException {
        stop.set(true);
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(60));
        }
    }
}
