package dev.amelie.compat.transactions;

import dev.amelie.compat.server.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients add children to random parents while others delete parents, through
 * interactive transactions (a statement per round trip, replayed at COMMIT) and one-message
 * transactions. Whatever commits, no child may end up without its parent: a child insert that
 * saw its parent while a concurrent delete removed it must not commit (40001 or 23503), and a
 * parent delete must not commit while a child references it. The only errors allowed are
 * 23503 and 40001.
 */
@Timeout(180) // a hang guard; the load itself runs for DURATION
class ForeignKeyConcurrencyIT {
    private static final int PARENTS = 200;
    private static final int CLIENTS = 8;
    private static final Duration DURATION = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void noCommittedChildLosesItsParent() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            String url = server.jdbcUrl() + "&socketTimeout=60&connectTimeout=30";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("create table fk_parent (id int primary key)");
                s.execute("create table fk_child (id int primary key, parent int references fk_parent on delete cascade, "
                        + "strict int references fk_parent)");
                s.execute("insert into fk_parent select g from generate_series(1, " + PARENTS + ") g");
            }
            ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
            AtomicLong childrenCommitted = new AtomicLong();
            AtomicLong deletesCommitted = new AtomicLong();
            AtomicLong nextChild = new AtomicLong();
            long end = System.nanoTime() + DURATION.toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                clients.add(Thread.ofPlatform().start(() -> {
                    Random random = new Random(client);
                    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                        while (System.nanoTime() < end) {
                            int parent = 1 + random.nextInt(PARENTS);
                            try {
                                switch (client % 4) {
                                    case 0 -> { // interactive and blind: the check alone keeps the parent
                                        c.setAutoCommit(false);
                                        s.executeUpdate("insert into fk_child values (" + nextChild.incrementAndGet() + ", "
                                                + parent + ", " + (random.nextBoolean() ? parent : "null") + ")");
                                        c.commit();
                                        childrenCommitted.incrementAndGet();
                                    }
                                    case 1 -> { // interactive: look, then add a child
                                        c.setAutoCommit(false);
                                        try (ResultSet rs = s.executeQuery("select id from fk_parent where id = " + parent)) {
                                            if (rs.next()) {
                                                s.executeUpdate("insert into fk_child values (" + nextChild.incrementAndGet() + ", "
                                                        + parent + ", " + (random.nextBoolean() ? parent : "null") + ")");
                                            }
                                        }
                                        c.commit();
                                        childrenCommitted.incrementAndGet();
                                    }
                                    case 2 -> { // interactive delete of a parent, then it comes back
                                        c.setAutoCommit(false);
                                        s.executeUpdate("delete from fk_parent where id = " + parent);
                                        c.commit();
                                        deletesCommitted.incrementAndGet();
                                    }
                                    default -> { // one message: a new parent and its child together
                                        c.setAutoCommit(true);
                                        long child = nextChild.incrementAndGet();
                                        long newParent = 1_000_000 + child;
                                        s.execute("insert into fk_parent values (" + newParent + "); "
                                                + "insert into fk_child values (" + child + ", " + newParent + ", " + newParent + ")");
                                        childrenCommitted.incrementAndGet();
                                    }
                                }
                            } catch (SQLException e) {
                                if (!List.of("23503", "40001").contains(e.getSQLState())) {
                                    unexpected.add(e.getSQLState() + " " + e.getMessage());
                                }
                                try {
                                    if (!c.getAutoCommit()) {
                                        c.rollback();
                                    }
                                } catch (SQLException ignored) {
                                    unexpected.add("rollback: " + ignored.getMessage());
                                }
                            }
                        }
                    } catch (SQLException e) {
                        unexpected.add("connection: " + e.getMessage());
                    }
                }));
            }
            for (Thread client : clients) {
                client.join();
            }
            assertEquals(List.of(), List.copyOf(unexpected));
            assertTrue(childrenCommitted.get() > 0 && deletesCommitted.get() > 0,
                    "progress: " + childrenCommitted + " children, " + deletesCommitted + " deletes");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                for (String column : new String[] {"parent", "strict"}) {
                    try (ResultSet rs = s.executeQuery("select count(*) from fk_child as c where c." + column
                            + " is not null and not exists (select 1 from fk_parent as p where p.id = c." + column + ")")) {
                        rs.next();
                        assertEquals(0, rs.getLong(1), "children whose " + column + " is gone");
                    }
                }
            }
        }
    }
}
