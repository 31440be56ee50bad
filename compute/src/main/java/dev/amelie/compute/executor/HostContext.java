package dev.amelie.compute.executor;

import dev.amelie.compute.storage.RowKey;
import dev.amelie.vm.exec.Cursor;
import dev.amelie.vm.exec.ListCursor;
import dev.amelie.vm.exec.ServerState;
import dev.amelie.vm.program.RowSourceKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The host sections' context: they read gathered rows and write result rows, never a partition. */
final class HostContext extends SectionContext {
    private final List<Object[]> input;
    private final List<List<Object[]>> sources;
    private final RowSets rowSets = new RowSets(budget());
    private final RowSetHashes hashes = new RowSetHashes();

    /** Salts of the host's sections' random numbers; partitions use their index (0 and up). */
    static final long INPUT_SALT = -1;
    static final long MERGE_SALT = -2;
    static final long KEY_SALT = -3;
    /** The pushdown section of a statement over system views, run on the host. */
    static final long SYSTEM_SALT = -4;

    private final ServerState server;

    HostContext(Object[] parameters, List<Object[]> input, List<List<Object[]>> sources, BooleanSupplier cancelled,
                FixedValues fixed, long salt) {
        this(parameters, input, sources, cancelled, fixed, salt, ServerState.NONE);
    }

    HostContext(Object[] parameters, List<Object[]> input, List<List<Object[]>> sources, BooleanSupplier cancelled,
                FixedValues fixed, long salt, ServerState server) {
        super(parameters, cancelled, fixed, salt);
        this.input = input;
        this.sources = sources;
        this.server = server;
    }

    @Override
    public ServerState server() {
        return server;
    }

    List<Object[]> output() {
        return rowSets.output();
    }

    @Override
    public Cursor open(RowSourceKind source, int rowSet) {
        return switch (source) {
            case INPUT -> new ListCursor(input);
            case SOURCE -> new ListCursor(sources.get(rowSet));
            case SCRATCH -> new ListCursor(rowSet(rowSet));
            case SYSTEM -> new ListCursor(server.rows(rowSet));
            case PARTITION -> throw new IllegalStateException("host sections do not read partitions");
        };
    }

    @Override
    public void buildHash(int rowSet, int[] columns) {
        hashes.build(rowSet, rowSets.get(rowSet), columns);
    }

    @Override
    public Cursor probe(int rowSet, Object[] key) {
        return hashes.probe(rowSet, key);
    }

    @Override
    public Cursor lookup(Object[] key) {
        throw new IllegalStateException("host sections do not read partitions");
    }

    @Override
    public void insert(Object[] row) {
        throw new IllegalStateException("host sections do not modify partitions");
    }

    @Override
    public void update(Cursor cursor, Object[] row) {
        throw new IllegalStateException("host sections do not modify partitions");
    }

    @Override
    public void delete(Cursor cursor) {
        throw new IllegalStateException("host sections do not modify partitions");
    }

    @Override
    public List<Object[]> rowSet(int id) {
        return rowSets.get(id);
    }
}
