package dev.amelie.compute.executor;

import dev.amelie.compute.Database;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.storage.HashSpace;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import dev.amelie.wal.WalSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.amelie.compute.executor.TablePrograms.deleteWhere;
import static dev.amelie.compute.executor.TablePrograms.insert;
import static dev.amelie.compute.executor.TablePrograms.rows;
import static dev.amelie.compute.executor.TablePrograms.selectStored;
import static dev.amelie.compute.executor.TablePrograms.updateWhere;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transactions end to end on a three-node database: hand-built programs in, rows and errors
 * out. Error texts are PostgreSQL 15's for the same table ({@code create table t (a int primary
 * key, b text not null)}).
 */
@Timeout(60) // a hang guard (nodes held by a stuck transaction), not a performance bound
class TransactionTest {
    private static final Object[] NO_PARAMETERS = {};
    static final TableDef T = new TableDef(0, "public", "t",
            List.of(new ColumnDef("a", SqlType.INTEGER, true), new ColumnDef("b", SqlType.TEXT, true)), new int[] {0});

    @TempDir
    Path directory;
    private Database database;
    private final List<Transaction> opened = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        database = Database.open(directory, 3, WalSettings.defaults());
    }

    /** A transaction left open would hold every node and make close() wait forever. */
    @AfterEach
    void close() throws Exception {
        opened.forEach(Transaction::rollback);
        database.close();
    }

    @Test
    void committedRowsAreVisibleToLaterTransactions() throws Exception {
        TableDef t = createT();
        Transaction writer = begin();
        StatementOutcome outcome = writer.run(insert(t, row(1, "one"), row(2, "two"), row(3, "three")), NO_PARAMETERS);
        assertEquals(3, outcome.affected());
        writer.commit().get(10, TimeUnit.SECONDS);

        assertEquals(List.of(List.of(1, "one"), List.of(2, "two"), List.of(3, "three")), rows(begin(), t));
    }

    @Test
    void rollbackUndoesInsertsUpdatesAndDeletes() throws Exception {
        TableDef t = createT();
        commit(t, row(1, "one"), row(2, "two"), row(3, "three"));

        Transaction tx = begin();
        assertEquals(1, tx.run(insert(t, row(4, "four")), NO_PARAMETERS).affected());
        assertEquals(1, tx.run(updateWhere(t, 0, 1, 1, "uno"), NO_PARAMETERS).affected());
        assertEquals(1, tx.run(deleteWhere(t, 0, 2), NO_PARAMETERS).affected());
        assertEquals(List.of(List.of(1, "uno"), List.of(3, "three"), List.of(4, "four")), rows(tx, t));
        tx.rollback();

        assertEquals(List.of(List.of(1, "one"), List.of(2, "two"), List.of(3, "three")), rows(begin(), t));
    }

    /** Undo must put the row back under its old key, not only restore its values. */
    @Test
    void rollbackOfKeyChangingUpdateRestoresTheOldKey() throws Exception {
        TableDef t = createT();
        int[] keys = twoKeysInOnePartition(3);
        commit(t, row(keys[0], "x"));

        Transaction tx = begin();
        assertEquals(1, tx.run(updateWhere(t, 0, keys[0], 0, keys[1]), NO_PARAMETERS).affected());
        assertEquals(List.of(List.of(keys[1], "x")), rows(tx, t));
        tx.rollback();

        Transaction after = begin();
        assertEquals(List.of(List.of(keys[0], "x")), rows(after, t));
        SqlException duplicate = assertThrows(SqlException.class, () -> after.run(insert(t, row(keys[0], "y")), NO_PARAMETERS));
        assertEquals(SqlState.UNIQUE_VIOLATION, duplicate.state());
        assertEquals(1, after.run(insert(t, row(keys[1], "y")), NO_PARAMETERS).affected(), "new key was freed by the undo");
    }

    @Test
    void rollbackUndoesCreateTableAndDropTable() throws Exception {
        TableDef t = createT();
        commit(t, row(1, "one"));

        Transaction create = begin();
        create.createTable(new TableDef(0, "public", "u", T.columns(), new int[] {0}), false);
        assertNotNull(database.catalog().current().table("public", "u"));
        create.rollback();
        assertNull(database.catalog().current().table("public", "u"));

        Transaction drop = begin();
        assertTrue(drop.dropTable("public", "t"));
        assertNull(database.catalog().current().table("public", "t"));
        drop.rollback();
        assertNotNull(database.catalog().current().table("public", "t"));
        assertEquals(List.of(List.of(1, "one")), rows(begin(), t));
    }

    /** PostgreSQL: {@code insert into t values (1, 'again')} after (1, 'one') exists. */
    @Test
    void duplicateKeyRaises23505AndRollbackLeavesThePartitionUnchanged() throws Exception {
        TableDef t = createT();
        commit(t, row(1, "one"), row(2, "two"));

        Transaction tx = begin();
        tx.run(insert(t, row(3, "three")), NO_PARAMETERS);
        SqlException e = assertThrows(SqlException.class, () -> tx.run(insert(t, row(1, "again")), NO_PARAMETERS));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.state());
        assertEquals("duplicate key value violates unique constraint \"t_pkey\"", e.getMessage());
        assertEquals("Key (a)=(1) already exists.", e.detail());
        tx.rollback();

        assertEquals(List.of(List.of(1, "one"), List.of(2, "two")), rows(begin(), t));
    }

    /** Integer 5 and Long 5 are one key: the second row of the same statement collides with the first. */
    @Test
    void duplicateKeyWithinOneStatementRaises23505() throws Exception {
        TableDef t = createT();
        Transaction tx = begin();
        SqlException e = assertThrows(SqlException.class,
                () -> tx.run(insert(t, row(5, "x"), row(5L, "y")), NO_PARAMETERS));
        assertEquals(SqlState.UNIQUE_VIOLATION, e.state());
        tx.rollback();
        assertEquals(List.of(), rows(begin(), t));
    }

    /** PostgreSQL: {@code insert into t values (1, null)} and {@code (null, 'x')} (a key column is NOT NULL). */
    @Test
    void nullInNotNullOrKeyColumnRaises23502() throws Exception {
        TableDef t = createT();
        Transaction tx = begin();
        SqlException inColumn = assertThrows(SqlException.class, () -> tx.run(insert(t, row(1, null)), NO_PARAMETERS));
        assertEquals(SqlState.NOT_NULL_VIOLATION, inColumn.state());
        assertEquals("null value in column \"b\" of relation \"t\" violates not-null constraint", inColumn.getMessage());
        assertEquals("Failing row contains (1, null).", inColumn.detail());

        SqlException inKey = assertThrows(SqlException.class, () -> tx.run(insert(t, row(null, "x")), NO_PARAMETERS));
        assertEquals(SqlState.NOT_NULL_VIOLATION, inKey.state());
        assertEquals("null value in column \"a\" of relation \"t\" violates not-null constraint", inKey.getMessage());
        assertEquals("Failing row contains (null, x).", inKey.detail());
    }

    @Test
    void updateToNullInNotNullColumnRaises23502() throws Exception {
        TableDef t = createT();
        commit(t, row(1, "one"));
        Transaction tx = begin();
        SqlException e = assertThrows(SqlException.class, () -> tx.run(updateWhere(t, 0, 1, 1, null), NO_PARAMETERS));
        assertEquals(SqlState.NOT_NULL_VIOLATION, e.state());
        tx.rollback();
        assertEquals(List.of(List.of(1, "one")), rows(begin(), t));
    }

    /** PostgreSQL: {@code create table t …} twice → 42P07 relation "t" already exists; IF NOT EXISTS skips. */
    @Test
    void creatingAnExistingTableRaises42P07UnlessIfNotExists() throws Exception {
        createT();
        Transaction tx = begin();
        SqlException e = assertThrows(SqlException.class, () -> tx.createTable(T, false));
        assertEquals(SqlState.DUPLICATE_TABLE, e.state());
        assertEquals("relation \"t\" already exists", e.getMessage());
        assertNull(tx.createTable(T, true));
    }

    @Test
    void programForADroppedTableRaises42P01() throws Exception {
        TableDef t = createT();
        Transaction drop = begin();
        drop.dropTable("public", "t");
        drop.commit().get(10, TimeUnit.SECONDS);

        Transaction tx = begin();
        SqlException e = assertThrows(SqlException.class, () -> tx.run(selectStored(t), NO_PARAMETERS));
        assertEquals(SqlState.UNDEFINED_TABLE, e.state());
    }

    @Test
    void readOnlyAndEmptyTransactionsCommit() throws Exception {
        TableDef t = createT();
        Transaction reader = begin();
        rows(reader, t);
        reader.commit().get(10, TimeUnit.SECONDS);
        begin().commit().get(10, TimeUnit.SECONDS);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Transaction begin() {
        Transaction tx = database.executor().begin();
        opened.add(tx);
        return tx;
    }

    private TableDef createT() throws Exception {
        Transaction tx = begin();
        TableDef def = tx.createTable(T, false);
        tx.commit().get(10, TimeUnit.SECONDS);
        return def;
    }

    private void commit(TableDef def, Object[]... rows) throws Exception {
        Transaction tx = begin();
        tx.run(insert(def, rows), NO_PARAMETERS);
        tx.commit().get(10, TimeUnit.SECONDS);
    }

    static Object[] row(Object... values) {
        return values;
    }

    /** Two integer keys that hash into the same one of {@code partitions} partitions. */
    private static int[] twoKeysInOnePartition(int partitions) {
        int first = 1;
        int home = ComputeLayout.uniform(partitions).ownerOf(HashSpace.slot(1L));
        for (int k = 2; ; k++) {
            if (ComputeLayout.uniform(partitions).ownerOf(HashSpace.slot((long) k)) == home) {
                return new int[] {first, k};
            }
        }
    }
}
