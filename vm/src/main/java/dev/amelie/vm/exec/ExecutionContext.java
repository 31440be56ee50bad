package dev.amelie.vm.exec;

import dev.amelie.vm.program.RowSourceKind;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a running section can reach outside its registers. On a compute node the partition
 * operations touch the node's own partition of the statement's table; on the host they are
 * never called (the planner does not emit them there).
 */
public interface ExecutionContext {
    /** The statement's bound parameters ($1 is index 0). */
    Object[] parameters();

    /** Opens a cursor over a row source; {@code rowSet} names the set when the source is SCRATCH. */
    Cursor open(RowSourceKind source, int rowSet);

    /** A cursor over the zero or one row with this key in the partition. */
    Cursor lookup(Object[] key);

    /** System views and backend functions: the session's view of the server (host sections only). */
    default ServerState server() {
        throw new UnsupportedOperationException("system views and backend functions run on the host only");
    }

    /** now(): the start of the transaction, the same on every run of the statement. */
    default Instant transactionTime() {
        throw new UnsupportedOperationException("no transaction time in this context");
    }

    /**
     * The session's TimeZone as the statement first ran with it: a timestamptz is shown, read
     * and split into fields in it. Fixed per statement, as now() is, so a replay computes the same.
     */
    ZoneId timeZone();

    /** random(): this section's numbers, the same on every run of the statement over the same rows. */
    default RandomGenerator random() {
        throw new UnsupportedOperationException("no random numbers in this context");
    }

    /** nextval(name): the same value on every run of the statement. */
    default long nextval(String sequence) {
        throw new UnsupportedOperationException("no sequences in this context");
    }

    /** currval(name): the session's last nextval of the sequence. */
    default long currval(String sequence) {
        throw new UnsupportedOperationException("no sequences in this context");
    }

    /** setval(name, value, called). */
    default long setval(String sequence, long value, boolean called) {
        throw new UnsupportedOperationException("no sequences in this context");
    }

    /** True once the statement was cancelled; loops check it on every turn. */
    default boolean cancelled() {
        return false;
    }

    /** Indexes a row set on some of its columns for {@link #probe} (host sections only). */
    default void buildHash(int rowSet, int[] columns) {
        throw new UnsupportedOperationException("hash joins run on the host");
    }

    /** The rows of a hashed row set whose key equals these values; none when a value is NULL. */
    default Cursor probe(int rowSet, Object[] key) {
        throw new UnsupportedOperationException("hash joins run on the host");
    }

    /** The row with primary key {@code key} in this node's partition of table {@code tableId} (zero or one row). */
    default Cursor lookupIn(long tableId, Object[] key) {
        throw new UnsupportedOperationException("other tables' partitions are read on compute nodes");
    }

    /** The rows of this partition whose columns in the named secondary index equal {@code values}. */
    default Cursor indexLookup(String index, Object[] values) {
        throw new UnsupportedOperationException("indexes are read on compute nodes");
    }

    /** Fits the new row in {@code registers[first…]} to the type modifiers of the table's columns, in place. */
    default void fitRow(Object[] registers, int first) {
        throw new UnsupportedOperationException("rows are fitted where they are stored");
    }

    /** Inserts a row into the partition (unique violation raises 23505). */
    void insert(Object[] row);

    /**
     * INSERT … ON CONFLICT: inserts the row unless a row with its key exists, and says whether it
     * did. With {@code updateFollows} (DO UPDATE), a key this statement has already inserted or
     * updated raises 21000: PostgreSQL refuses to affect a row twice in one command.
     */
    default boolean insertIfAbsent(Object[] row, boolean updateFollows) {
        throw new UnsupportedOperationException("rows are inserted on compute nodes");
    }

    /** Replaces the cursor's current row. */
    void update(Cursor cursor, Object[] row);

    /** Deletes the cursor's current row. */
    void delete(Cursor cursor);

    /** Row set 0 is the section's output; higher numbers are scratch sets (materialized sorts). */
    List<Object[]> rowSet(int id);
}
