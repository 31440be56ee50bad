package dev.amelie.planner.lower;

import dev.amelie.compute.storage.RowKey;
import dev.amelie.vm.exec.Cursor;
import dev.amelie.vm.exec.ExecutionContext;
import dev.amelie.vm.exec.Interpreter;
import dev.amelie.vm.exec.ListCursor;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.program.RowSourceKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a SELECT's {@link Program} in the test's thread, each table being one partition held in
 * a list: source programs first, then the pushdown over the table's rows, then the host section
 * over what the pushdown emitted, as the executor does. For planner tests of what a plan
 * computes; statements routed by key are not run here.
 */
final class ProgramRunner {
    private final Map<Long, List<Object[]>> tables;

    ProgramRunner(Map<Long, List<Object[]>> tables) {
        this.tables = tables;
    }

    List<Object[]> run(Program program) {
        if (program.kind() != Program.StatementKind.SELECT) {
            throw new IllegalArgumentException("runs SELECTs: " + program.kind());
        }
        List<List<Object[]>> sources = new ArrayList<>();
        for (Program source : program.sources()) {
            sources.add(run(source));
        }
        List<Object[]> gathered = List.of();
        if (program.pushdown() != null) {
            Context partition = new Context(List.of(), sources, tables.getOrDefault(program.tableId(), List.of()), tables);
            Interpreter.run(program.pushdown(), partition);
            gathered = partition.rowSet(0);
        }
        Context host = new Context(gathered, sources, null, tables);
        Interpreter.run(program.merge(), host);
        return host.rowSet(0);
    }

    private static final class Context implements ExecutionContext {
        private final List<Object[]> input;
        private final List<List<Object[]>> sources;
        private final List<Object[]> partition;
        private final Map<Integer, List<Object[]>> rowSets = new HashMap<>();
        private final Map<Integer, Map<Object, List<Object[]>>> hashes = new HashMap<>();

        private final Map<Long, List<Object[]>> tables;

        Context(List<Object[]> input, List<List<Object[]>> sources, List<Object[]> partition, Map<Long, List<Object[]>> tables) {
            this.tables = tables;
            this.input = input;
            this.sources = sources;
            this.partition = partition;
        }

        @Override
        public Object[] parameters() {
            return new Object[0];
        }

        @Override
        public java.time.ZoneId timeZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Cursor open(RowSourceKind source, int rowSet) {
            return switch (source) {
                case PARTITION -> new ListCursor(partition);
                case INPUT -> new ListCursor(input);
                case SOURCE -> new ListCursor(sources.get(rowSet));
                case SYSTEM -> throw new UnsupportedOperationException("no system views in lowering tests");
                case SCRATCH -> new ListCursor(rowSet(rowSet));
            };
        }

        @Override
        public void buildHash(int rowSet, int[] columns) {
            Map<Object, List<Object[]>> index = new HashMap<>();
            for (Object[] row : rowSet(rowSet)) {
                Object[] key = new Object[columns.length];
                boolean hasNull = false;
                for (int i = 0; i < columns.length; i++) {
                    key[i] = row[columns[i]];
                    hasNull |= key[i] == null;
                }
                if (!hasNull) {
                    index.computeIfAbsent(RowKey.fromValues(key), k -> new ArrayList<>()).add(row);
                }
            }
            hashes.put(rowSet, index);
        }

        @Override
        public Cursor probe(int rowSet, Object[] key) {
            for (Object value : key) {
                if (value == null) {
                    return new ListCursor(List.of());
                }
            }
            return new ListCursor(hashes.get(rowSet).getOrDefault(RowKey.fromValues(key), List.of()));
        }

        @Override
        public Cursor lookup(Object[] key) {
            return lookupIn(partition, key);
        }

        @Override
        public Cursor lookupIn(long tableId, Object[] key) {
            return lookupIn(tables.getOrDefault(tableId, List.of()), key);
        }

        private static Cursor lookupIn(List<Object[]> rows, Object[] key) {
            Object wanted = RowKey.fromValues(key);
            List<Object[]> found = new ArrayList<>();
            for (Object[] row : rows) {
                if (RowKey.fromValues(java.util.Arrays.copyOf(row, key.length)).equals(wanted)) {
                    found.add(row);
                }
            }
            return new ListCursor(found);
        }

        @Override
        public void insert(Object[] row) {
            throw new UnsupportedOperationException("SELECTs only");
        }

        @Override
        public void update(Cursor cursor, Object[] row) {
            throw new UnsupportedOperationException("SELECTs only");
        }

        @Override
        public void delete(Cursor cursor) {
            throw new UnsupportedOperationException("SELECTs only");
        }

        @Override
        public List<Object[]> rowSet(int id) {
            return rowSets.computeIfAbsent(id, k -> new ArrayList<>());
        }
    }
}
