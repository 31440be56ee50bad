package dev.amelie.compat.compute;

import dev.amelie.compat.server.PairWriters;
import dev.amelie.compat.server.Pgbench;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ALTER COMPUTE on a real server: the real pgbench runs its TPC-B transactions while compute
 * nodes are added and dropped, and fails none; a SIGKILL while partitions move loses no
 * acknowledged commit and leaves a layout whose nodes hold exactly the rows there are.
 */
@Timeout(240) // a hang guard
class ComputeIT {
    @TempDir
    Path temp;

    @Test
    void pgbenchFailsNothingWhileNodesAreAddedAndDropped() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), 2)) {
            Pgbench.run(server.port(), "-i", "-s", "1");
            Pgbench.Run bench = Pgbench.start(server.port(), "-M", "prepared", "-c", "4", "-j", "2", "-T", "12", "--max-tries=10");
            Thread.sleep(2000);
            execute(server, "alter compute add 2");
            List<String> nodes = nodes(server);
            assertEquals(4, nodes.size(), "nodes after ADD 2");
            Thread.sleep(1000);
            execute(server, "alter compute drop node '" + nodes.getFirst() + "'");
            Thread.sleep(1000);
            execute(server, "alter compute add node '6b1c4a58-5a53-4d8e-9a4e-1e0c1e3e0a01'");
            execute(server, "alter compute set 3");
            String output = bench.await();
            assertEquals("0", Pgbench.find(output, "number of failed transactions: (\\d+)"), output);
            assertTrue(Long.parseLong(Pgbench.find(output, "number of transactions actually processed: (\\d+)")) > 0, output);

            long deltas = count(server, "select coalesce(sum(delta), 0) from pgbench_history");
            assertEquals(deltas, count(server, "select sum(abalance) from pgbench_accounts"));
            assertEquals(deltas, count(server, "select sum(tbalance) from pgbench_tellers"));
            assertEquals(deltas, count(server, "select sum(bbalance) from pgbench_branches"));

            List<long[]> show = showCompute(server);
            assertEquals(3, show.size());
            assertTrue(!nodes(server).contains(nodes.getFirst()), "the dropped node is gone");
            long rows = 0;
            for (long[] node : show) {
                assertTrue(Math.abs(node[0] - 4096 / 3) <= 1, "hash slots spread evenly: " + node[0]);
                assertTrue(node[1] > 20_000, "every node holds rows: " + node[1]);
                rows += node[1];
            }
            assertEquals(100_000 + 10 + 1 + count(server, "select count(*) from pgbench_history"), rows);
        }
    }

    @Test
    void killDashNineWhilePartitionsMoveLosesNoAcknowledgedCommit() throws Exception {
        try (ServerProcess server = ServerProcess.start(temp.resolve("killed"), 2)) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("create table moved (id int primary key, writer int not null, pair int not null)");
                s.execute("create table filler (id int primary key, payload text)");
                for (int batch = 0; batch < 20; batch++) {
                    StringBuilder insert = new StringBuilder("insert into filler values ");
                    for (int i = 0; i < 1000; i++) {
                        int id = batch * 1000 + i;
                        insert.append(i == 0 ? "" : ",").append("(").append(id).append(", 'row ").append(id).append("')");
                    }
                    s.execute(insert.toString());
                }
            }
            AtomicBoolean stop = new AtomicBoolean();
            PairWriters writers = new PairWriters(server.jdbcUrl(), "moved", 2);
            Set<Integer> acknowledged = writers.acknowledged();
            AtomicInteger changes = new AtomicInteger();
            Thread mover = Thread.ofPlatform().name("compute-mover").start(() -> {
                try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
                    for (int round = 0; !stop.get(); round++) {
                        s.execute(round % 2 == 0 ? "alter compute set 4" : "alter compute set 2");
                        changes.incrementAndGet();
                    }
                } catch (SQLException expectedWhenKilled) {
                    // killed mid-change: that is the point
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((changes.get() < 3 || acknowledged.size() < 200) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(changes.get() >= 3, "compute changes before the kill: " + changes.get());
            Thread.sleep(37); // land somewhere inside the next change
            server.kill();
            stop.set(true);
            mover.join(TimeUnit.SECONDS.toMillis(30));
            writers.stopAndJoin();

            server.restart();
            Set<Integer> found = new HashSet<>();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from moved")) {
                while (rs.next()) {
                    found.add(rs.getInt(1));
                }
            }
            for (int id : acknowledged) {
                assertTrue(found.contains(id) && found.contains(id + 1), "acknowledged rows " + id + " lost");
            }
            assertEquals(20_000, count(server, "select count(*) from filler"));
            assertConsistent(server, found.size() + 20_000);
            execute(server, "alter compute set 3");
            assertEquals(3, nodes(server).size());
            assertConsistent(server, found.size() + 20_000);
            assertEquals(20_000, count(server, "select count(*) from filler where payload = 'row ' || id"));
        }
    }

    /** The nodes own the whole hash space and hold exactly the rows the tables have. */
    private static void assertConsistent(ServerProcess server, long rows) throws Exception {
        long slots = 0;
        long held = 0;
        for (long[] node : showCompute(server)) {
            slots += node[0];
            held += node[1];
        }
        assertEquals(4096, slots);
        assertEquals(rows, held);
    }

    /** Per node: {hash_slots, rows}. */
    private static List<long[]> showCompute(ServerProcess server) throws Exception {
        List<long[]> nodes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show compute")) {
            while (rs.next()) {
                nodes.add(new long[] {rs.getLong("hash_slots"), rs.getLong("rows")});
            }
        }
        return nodes;
    }

    private static List<String> nodes(ServerProcess server) throws Exception {
        List<String> nodes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show compute")) {
            while (rs.next()) {
                nodes.add(rs.getString("node"));
            }
        }
        return nodes;
    }

    private static void execute(ServerProcess server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(ServerProcess server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

}
