package dev.amelie.bench;

import dev.amelie.vm.exec.Cursor;
import dev.amelie.vm.exec.ExecutionContext;
import dev.amelie.vm.exec.ListCursor;
import dev.amelie.vm.program.RowSourceKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A partition reduced to its rows, for timing the interpreter alone: a pushdown section scans
 * these as it scans a partition on a compute node, and emits into row set 0. Read-only: the
 * benchmarks run SELECT sections.
 */
final class PartitionRows implements ExecutionContext {
    private static final Object[] NO_PARAMETERS = {};
    private final List<Object[]> rows;
    private final List<List<Object[]>> rowSets = new ArrayList<>();

    PartitionRows(List<Object[]> rows) {
        this.rows = rows;
    }

    /** Empties the row sets for the next run; keeps their arrays. */
    void reset() {
        rowSets.forEach(List::clear);
    }

    @Override
    public Object[] parameters() {
        return NO_PARAMETERS;
    }

    @Override
    public java.time.ZoneId timeZone() {
        return java.time.ZoneOffset.UTC;
    }

    @Override
    public Cursor open(RowSourceKind source, int rowSet) {
        return switch (source) {
            case PARTITION -> new ListCursor(rows);
            case SCRATCH -> new ListCursor(rowSet(rowSet));
            case INPUT, SOURCE, SYSTEM -> throw new UnsupportedOperationException("a pushdown over one table reads only its partition: " + source);
        };
    }

    @Override
    public Cursor lookup(Object[] key) {
        throw new UnsupportedOperationException("scans only");
    }

    @Override
    public void insert(Object[] row) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void update(Cursor cursor, Object[] row) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public void delete(Cursor cursor) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public List<Object[]> rowSet(int id) {
        while (rowSets.size() <= id) {
            rowSets.add(new ArrayList<>());
        }
        return rowSets.get(id);
    }
}
