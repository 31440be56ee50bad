package dev.amelie.compute.executor;

import dev.amelie.compute.Database;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.type.SqlType;
import dev.amelie.wal.WalSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.amelie.compute.executor.TablePrograms.insert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DDL takes its place in the transaction order like any transaction: a TRUNCATE ordered after an
 * INSERT removes its row, one ordered before it does not, in memory and after the WAL replays,
 * however the two overlap on the host. Inserts and truncates race here; the table after a
 * restart must be the table before it.
 */
@Timeout(120) // a hang guard
class DdlOrderTest {
    private static final TableDef T = new TableDef(0, "public", "ddl_order", List.of(
            new ColumnDef("k", SqlType.INTEGER, true), new ColumnDef("v", SqlType.BIGINT, true)), new int[] {0});

    @TempDir
    Path temp;

    @Test
    void truncatesRacingInsertsLeaveTheSameTableInMemoryAndAfterReplay() throws Exception {
        Path dir = temp.resolve("db");
        List<List<Object>> before;
        try (Database db = Database.open(dir, 2, WalSettings.defaults())) {
            Transaction setup = db.executor().begin();
            TableDef def = setup.createTable(T, false);
            setup.commit().get(10, TimeUnit.SECONDS);
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
            Thread[] inserters = new Thread[3];
            for (int t = 0; t < inserters.length; t++) {
                int thread = t;
                inserters[t] = Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; !stop.get(); i++) {
                            Transaction tx = db.executor().begin();
                            tx.run(insert(def, new Object[][] {{thread * 1_000_000 + i, (long) i}}), new Object[0]);
                            tx.commit().get(10, TimeUnit.SECONDS);
                        }
                    } catch (Throwable e) {
                        problems.add(e);
                    }
                });
            }
            for (int round = 0; round < 150; round++) {
                Transaction truncate = db.executor().begin();
                assertTrue(truncate.truncate("public", "ddl_order"));
                truncate.commit().get(10, TimeUnit.SECONDS);
            }
            stop.set(true);
            for (Thread inserter : inserters) {
                inserter.join(TimeUnit.SECONDS.toMillis(30));
            }
            if (!problems.isEmpty()) {
                throw new AssertionError("an inserter failed: " + problems.peek(), problems.peek());
            }
            Transaction reader = db.executor().begin();
            before = TablePrograms.rows(reader, db.catalog().current().table("public", "ddl_order").def());
            reader.commit().get(10, TimeUnit.SECONDS);
        }
        try (Database db = Database.open(dir, 2, WalSettings.defaults())) {
            Transaction reader = db.executor().begin();
            List<List<Object>> after = TablePrograms.rows(reader, db.catalog().current().table("public", "ddl_order").def());
            reader.commit().get(10, TimeUnit.SECONDS);
            assertEquals(before, after, "the table after the WAL replays");
        }
    }
}
