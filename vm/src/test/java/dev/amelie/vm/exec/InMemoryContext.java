package dev.amelie.vm.exec;

import dev.amelie.vm.program.RowSourceKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The smallest {@link ExecutionContext} a section can run against: parameters, an INPUT list,
 * a "partition" that is a plain list receiving INSERTs, and row sets (0 = output).
 */
final class InMemoryContext implements ExecutionContext {
    private final Object[] parameters;
    private final List<Object[]> input;
    final List<Object[]> partition = new ArrayList<>();
    private final List<List<Object[]>> rowSets = new ArrayList<>();

    InMemoryContext(Object[] parameters, List<Object[]> input) {
        this.parameters = parameters;
        this.input = input;
    }

    InMemoryContext(Object... parameters) {
        this(parameters, List.of());
    }

    /** The session's TimeZone the sections run in; UTC unless a test sets another. */
    java.time.ZoneId timeZone = java.time.ZoneOffset.UTC;

    @Override
    public java.time.ZoneId timeZone() {
        return timeZone;
    }

    List<Object[]> output() {
        return rowSet(0);
    }

    @Override
    public Object[] parameters() {
        return parameters;
    }

    @Override
    public Cursor open(RowSourceKind source, int rowSet) {
        return switch (source) {
            case INPUT -> new ListCursor(input);
            case SCRATCH -> new ListCursor(rowSet(rowSet));
            case PARTITION -> new ListCursor(partition);
            case SOURCE, SYSTEM -> throw new UnsupportedOperationException("no source programs or system views in interpreter tests");
        };
    }

    @Override
    public Cursor lookup(Object[] key) {
        throw new UnsupportedOperationException("lookup");
    }

    @Override
    public void insert(Object[] row) {
        partition.add(row);
    }

    @Override
    public void update(Cursor cursor, Object[] row) {
        throw new UnsupportedOperationException("update");
    }

    @Override
    public void delete(Cursor cursor) {
        throw new UnsupportedOperationException("delete");
    }

    @Override
    public List<Object[]> rowSet(int id) {
        while (rowSets.size() <= id) {
            rowSets.add(new ArrayList<>());
        }
        return rowSets.get(id);
    }
}
