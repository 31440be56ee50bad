package dev.amelie.planner.lower;

import dev.amelie.planner.catalog.CalciteTable;
import dev.amelie.planner.catalog.HostRelations;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.IndexRef;
import dev.amelie.vm.program.Opcode;
import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.program.SortKey;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

import java.util.List;
import java.util.Map;

/**
 * Lowers a relational tree to one section of bytecode by push-based code generation: each
 * operator asks its input to produce rows and hands each row, as registers, to its consumer
 * ({@link RowSink}). A scan becomes a loop; a filter a conditional jump; a projection some
 * expressions; a sort a materialized scratch set.
 *
 * <p>In a PUSHDOWN section the scan reads the node's partition and an aggregate at the gather
 * boundary computes partial results; in the MERGE section the boundary reads the gathered rows
 * and finishes such an aggregate.
 */
final class SectionLowering {
    private final SectionKind kind;
    private final Map<RelNode, Integer> sources;
    private final RelNode boundary;
    private final CodeBuilder code = new CodeBuilder();
    private final ExpressionLowering expressions;
    private final SubqueryLowering subqueries;
    private int scanCursor = -1;
    /** Where the loop over the partition's rows takes its next row (or ends, after a key lookup). */
    private CodeBuilder.Label nextScanRow;
    private KeyLookup lookupKey;
    private int nextRowSet = 1;
    /** The working tables of the recursive queries being lowered: a transient table's name → its row set. */
    private final Map<List<String>, Integer> workingTables = new java.util.HashMap<>();

    SectionLowering(SectionKind kind, RelNode boundary, RelNode root, int[] occurrenceToParameter) {
        this(kind, boundary, root, occurrenceToParameter, Map.of());
    }

    /** {@code sources}: subtrees whose rows come from the statement's source programs, by number. */
    SectionLowering(SectionKind kind, RelNode boundary, RelNode root, int[] occurrenceToParameter,
                    Map<RelNode, Integer> sources) {
        this.kind = kind;
        this.boundary = boundary;
        this.sources = sources;
        this.expressions = new ExpressionLowering(code, root.getCluster().getRexBuilder(), occurrenceToParameter);
        // A pushdown has subqueries only when it changes rows (an UPDATE's SET, an UPDATE's or a
        // DELETE's WHERE): a query with one goes to the host (ProgramLowering).
        this.subqueries = kind != SectionKind.MERGE ? new SubqueryLowering(this) : null;
        expressions.lowerSubqueriesWith(subqueries);
    }

    CodeBuilder code() {
        return code;
    }

    ExpressionLowering expressions() {
        return expressions;
    }

    /** The cursor of the partition scan, for UPDATE and DELETE of its current row. */
    int scanCursor() {
        return scanCursor;
    }

    /**
     * Jumps to the partition scan's next row: an UPDATE or DELETE over a join changes its row
     * once, with the first joined row, as PostgreSQL does with any one of them.
     */
    void continueWithNextScanRow() {
        code.emitJump(Opcode.JUMP, 0, 0, 0, 1, nextScanRow);
    }

    /** Lowers rel so that every row it produces is emitted to the section's output. */
    Code lowerToOutput(RelNode rel) {
        produce(rel, registers -> emit(registers, 0));
        return code.build();
    }

    void emit(int[] registers, int rowSet) {
        int first = consecutive(registers);
        code.emit(Opcode.EMIT, first, registers.length, rowSet);
    }

    /** The registers as one consecutive block, copying when they are not already. */
    int consecutive(int[] registers) {
        boolean already = true;
        for (int i = 1; i < registers.length; i++) {
            already &= registers[i] == registers[0] + i;
        }
        if (already && registers.length > 0) {
            return registers[0];
        }
        int first = code.newRegisters(Math.max(registers.length, 1));
        for (int i = 0; i < registers.length; i++) {
            code.emit(Opcode.COPY, first + i, registers[i]);
        }
        return first;
    }

    void produce(RelNode rel, RowSink sink) {
        Integer source = sources.get(rel);
        if (source != null) {
            scanRows(RowSourceKind.SOURCE, source, rel.getRowType().getFieldCount(), sink);
            return;
        }
        if (kind == SectionKind.MERGE && rel == boundary) {
            if (rel instanceof Aggregate aggregate) {
                new AggregateLowering(this).lowerFinal(aggregate, sink);
            } else {
                scanRows(RowSourceKind.INPUT, 0, rel.getRowType().getFieldCount(), sink);
            }
            return;
        }
        switch (rel) {
            case org.apache.calcite.rel.core.TableFunctionScan function -> SeriesLowering.lower(function, code, expressions, sink);
            case org.apache.calcite.rel.core.Window window -> WindowLowering.lower(window, this, code, sink);
            case TableScan scan when workingTables.containsKey(scan.getTable().getQualifiedName()) ->
                    scanRows(RowSourceKind.SCRATCH, workingTables.get(scan.getTable().getQualifiedName()),
                            scan.getRowType().getFieldCount(), sink);
            case org.apache.calcite.rel.core.RepeatUnion union -> new RecursiveUnionLowering(this).lower(union, sink);
            // A recursive query's terms write its transient table: here, the working row set does.
            case org.apache.calcite.rel.core.TableSpool spool -> produce(spool.getInput(), sink);
            case TableScan scan -> {
                if (kind != SectionKind.PUSHDOWN) {
                    throw new IllegalStateException("table scan outside a pushdown section");
                }
                TableDef scanned = scan.getTable().unwrap(CalciteTable.class).def();
                if (HostRelations.isHostRead(scanned)) {
                    scanRows(RowSourceKind.SYSTEM, HostRelations.number(scanned), scan.getRowType().getFieldCount(), sink);
                } else {
                    scanRows(RowSourceKind.PARTITION, 0, scan.getRowType().getFieldCount(), sink);
                }
            }
            case Filter filter when kind == SectionKind.PUSHDOWN && filter.getInput() instanceof TableScan scan
                    && lookupKey(filter, scan) != null -> lookup(scan, lookupKey(filter, scan), sink);
            case Filter filter when kind == SectionKind.PUSHDOWN && filter.getInput() instanceof TableScan scan
                    && indexLookup(filter, scan) != null -> lookupByIndex(scan, indexLookup(filter, scan), sink);
            case Filter filter when subqueries != null && sources.containsKey(filter.getInput()) && OuterKeys.of(filter) != null ->
                    subqueries.lookup(filter, OuterKeys.of(filter), sources.get(filter.getInput()), sink);
            case Filter filter when OneTimeFilter.split(filter.getCondition()) != null -> {
                // PostgreSQL's "One-Time Filter": conjuncts that read no row are evaluated once,
                // before the input is read at all (WHERE 1 = 0 reads nothing).
                OneTimeFilter split = OneTimeFilter.split(filter.getCondition());
                int once = expressions.lower(split.once(), new int[0]);
                CodeBuilder.Label skip = code.newLabel();
                code.emitJump(Opcode.JUMP_FALSE, once, 0, 0, 2, skip);
                if (split.perRow() == null) {
                    produce(filter.getInput(), sink);
                } else {
                    filterRows(filter, split.perRow(), sink);
                }
                code.place(skip);
            }
            case Filter filter -> filterRows(filter, filter.getCondition(), sink);
            case Project project when UnnestLowering.isProjectSet(project) -> produce(project.getInput(), row -> {
                bindCorrelations(project, row);
                UnnestLowering.lowerProject(project, this, row, sink);
            });
            case org.apache.calcite.rel.core.Uncollect uncollect -> UnnestLowering.lowerUncollect(uncollect, this, sink);
            case org.apache.calcite.rel.core.Correlate correlate when subqueries != null -> correlate(correlate, sink);
            case Project project -> produce(project.getInput(), row -> {
                bindCorrelations(project, row);
                List<RexNode> projects = project.getProjects();
                int[] out = new int[projects.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = expressions.lower(projects.get(i), row);
                }
                sink.accept(out);
            });
            case Values values -> {
                for (List<RexLiteral> tuple : values.getTuples()) {
                    int[] row = new int[tuple.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = expressions.valuesLiteral(tuple.get(i), values.getRowType().getFieldList().get(i).getType());
                    }
                    sink.accept(row);
                }
            }
            case Union union when union.all -> {
                for (RelNode input : union.getInputs()) {
                    produce(input, row -> sink.accept(asUnionRow(union, input, row)));
                }
            }
            case org.apache.calcite.rel.core.SetOp setOp when setOp.all
                    && (setOp instanceof org.apache.calcite.rel.core.Intersect || setOp instanceof org.apache.calcite.rel.core.Minus) -> {
                // INTERSECT ALL / EXCEPT ALL: the inputs materialized, combined two at a time, left to right.
                int result = newRowSet();
                produce(setOp.getInputs().getFirst(), row -> emit(row, result));
                for (RelNode input : setOp.getInputs().subList(1, setOp.getInputs().size())) {
                    int other = newRowSet();
                    produce(input, row -> emit(row, other));
                    code.emit(Opcode.MULTISET, result, other, setOp instanceof org.apache.calcite.rel.core.Intersect ? 0 : 1);
                }
                scanRows(RowSourceKind.SCRATCH, result, setOp.getRowType().getFieldCount(), sink);
            }
            case Sort sort -> sort(sort, sink);
            // In a pushdown: an UPDATE's or a DELETE's partition joined with its FROM or USING
            // tables' rows (source programs); the partition's rows drive the loop (JoinLowering).
            case Join join when kind != SectionKind.MERGE -> new JoinLowering(this).lower(join, sink);
            // Partial only at a query's gather boundary; an aggregate in an UPDATE's subquery is whole.
            case Aggregate aggregate -> new AggregateLowering(this).lower(aggregate, sink,
                    kind == SectionKind.PUSHDOWN && rel == boundary);
            default -> throw ExpressionLowering.unsupported(describe(rel));
        }
    }

    /** The filter's input rows for which {@code condition} is true. */
    private void filterRows(Filter filter, RexNode condition, RowSink sink) {
        produce(filter.getInput(), row -> {
            bindCorrelations(filter, row);
            int value = expressions.lower(condition, row);
            CodeBuilder.Label skip = code.newLabel();
            code.emitJump(Opcode.JUMP_FALSE, value, 0, 0, 2, skip);
            sink.accept(row);
            code.place(skip);
        });
    }

    /**
     * A lateral join (FROM t, unnest(t.a)): the right side re-run per left row, which its
     * correlation variable names; a LEFT one keeps a left row the right side has no row for.
     */
    private void correlate(org.apache.calcite.rel.core.Correlate correlate, RowSink sink) {
        org.apache.calcite.rel.core.JoinRelType type = correlate.getJoinType();
        if (type != org.apache.calcite.rel.core.JoinRelType.INNER && type != org.apache.calcite.rel.core.JoinRelType.LEFT) {
            throw ExpressionLowering.unsupported("lateral " + type.name().toLowerCase(java.util.Locale.ROOT) + " joins");
        }
        int rightWidth = correlate.getRight().getRowType().getFieldCount();
        produce(correlate.getLeft(), left -> {
            subqueries.bind(java.util.Set.of(correlate.getCorrelationId()), left);
            int matched = type == org.apache.calcite.rel.core.JoinRelType.LEFT ? code.loadConstant(false) : -1;
            produce(correlate.getRight(), right -> {
                if (matched >= 0) {
                    code.emit(Opcode.CONST, matched, code.constant(true));
                }
                int[] joined = java.util.Arrays.copyOf(left, left.length + right.length);
                System.arraycopy(right, 0, joined, left.length, right.length);
                sink.accept(joined);
            });
            if (matched >= 0) {
                CodeBuilder.Label done = code.newLabel();
                code.emitJump(Opcode.JUMP_TRUE, matched, 0, 0, 2, done);
                int[] padded = java.util.Arrays.copyOf(left, left.length + rightWidth);
                int nothing = code.loadConstant(null);
                java.util.Arrays.fill(padded, left.length, padded.length, nothing);
                sink.accept(padded);
                code.place(done);
            }
        });
    }

    private KeyLookup lookupKey(Filter filter, TableScan scan) {
        CalciteTable table = scan.getTable().unwrap(CalciteTable.class);
        return table == null ? null : KeyLookup.match(filter.getCondition(), table.def(), filter.getCluster().getRexBuilder());
    }

    /** Reads the one row with the given key (if present); the residual condition filters it. */
    private void lookup(TableScan scan, KeyLookup key, RowSink sink) {
        int first = keyRegisters(key);
        int cursor = code.newCursor();
        scanCursor = cursor;
        lookupKey = key;
        code.emit(Opcode.LOOKUP, cursor, first, key.keyValues().length);
        CodeBuilder.Label end = code.newLabel();
        nextScanRow = end;
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int[] row = columnsOf(scan, cursor);
        if (key.residual() != null) {
            int condition = expressions.lower(key.residual(), row);
            code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, end);
        }
        sink.accept(row);
        code.place(end);
    }

    /** The key's values, lowered into consecutive registers; returns the first. */
    private int keyRegisters(KeyLookup key) {
        int[] registers = new int[key.keyValues().length];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = expressions.lower(key.keyValues()[i], new int[0]);
        }
        return consecutive(registers);
    }

    /** Loads the cursor's current row of {@code scan} into registers; returns them. */
    private int[] columnsOf(TableScan scan, int cursor) {
        return code.loadRow(cursor, scan.getRowType().getFieldCount());
    }

    /** A secondary index whose every column the filter fixes, and the lookup on it; null when none does. */
    private IndexLookup indexLookup(Filter filter, TableScan scan) {
        CalciteTable table = scan.getTable().unwrap(CalciteTable.class);
        if (table == null) {
            return null;
        }
        for (IndexDef index : table.indexes()) {
            KeyLookup key = KeyLookup.match(filter.getCondition(), table.def(), index.columns(), filter.getCluster().getRexBuilder());
            if (key != null) {
                return new IndexLookup(index, key);
            }
        }
        return null;
    }

    private record IndexLookup(IndexDef index, KeyLookup key) {}

    /**
     * Reads, on each node, the rows its partition's index holds for the value; the rest of the
     * condition filters them. Every partition is asked: the index value does not say which one
     * owns a row, only the primary key does.
     */
    private void lookupByIndex(TableScan scan, IndexLookup lookup, RowSink sink) {
        KeyLookup key = lookup.key();
        int first = keyRegisters(key);
        int cursor = code.newCursor();
        scanCursor = cursor;
        code.emit(Opcode.INDEX_LOOKUP, cursor, first, code.constant(new IndexRef(lookup.index().name(), key.keyValues().length)));
        CodeBuilder.Label end = code.newLabel();
        nextScanRow = code.newLabel();
        code.place(nextScanRow);
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int[] row = columnsOf(scan, cursor);
        CodeBuilder.Label next = code.newLabel();
        if (key.residual() != null) {
            int condition = expressions.lower(key.residual(), row);
            code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, next);
        }
        sink.accept(row);
        code.place(next);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
    }

    /** The key lookup this section does instead of a scan, or null. */
    KeyLookup lookupKey() {
        return lookupKey;
    }

    /** A fresh scratch row set number for this section. */
    int newRowSet() {
        return nextRowSet++;
    }

    /**
     * Lowers {@code body} with scans of the transient table {@code name} reading row set
     * {@code rowSet}; a recursive query inside it of the same name reads its own.
     */
    void withWorkingTable(List<String> name, int rowSet, Runnable body) {
        Integer outer = workingTables.put(name, rowSet);
        try {
            body.run();
        } finally {
            if (outer == null) {
                workingTables.remove(name);
            } else {
                workingTables.put(name, outer);
            }
        }
    }

    /** Empties the scratch row sets from {@code first} on, but those a subquery keeps for every run. */
    void clearRowSetsFrom(int first) {
        for (int rowSet = first; rowSet < nextRowSet; rowSet++) {
            if (subqueries == null || !subqueries.keeps(rowSet)) {
                code.emit(Opcode.CLEAR, rowSet);
            }
        }
    }

    /** The number the next fresh scratch row set will get. */
    int peekRowSet() {
        return nextRowSet;
    }

    /** The correlation variables rel binds name its input row, for the subqueries in its expressions. */
    void bindCorrelations(RelNode rel, int[] row) {
        if (subqueries != null) {
            subqueries.bind(rel.getVariablesSet(), row);
        }
    }

    /** Hands every row of source program k to the sink. */
    void scanSource(int source, int width, RowSink sink) {
        scanRows(RowSourceKind.SOURCE, source, width, sink);
    }

    /** Opens a cursor over a row source and loops over it; returns the cursor. */
    int scanRows(RowSourceKind source, int rowSet, int width, RowSink sink) {
        int cursor = code.newCursor();
        if (source == RowSourceKind.PARTITION) {
            scanCursor = cursor; // the sink may UPDATE or DELETE this cursor's current row
        }
        code.emit(Opcode.OPEN, cursor, source.ordinal(), rowSet);
        CodeBuilder.Label end = code.newLabel();
        if (source == RowSourceKind.PARTITION) {
            nextScanRow = code.newLabel();
            code.place(nextScanRow);
        }
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int[] row = code.loadRow(cursor, width);
        sink.accept(row);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
        return cursor;
    }

    private void sort(Sort sort, RowSink sink) {
        if (sort.getCollation().getFieldCollations().isEmpty() && sort.offset == null && sort.fetch == null) {
            produce(sort.getInput(), sink);
            return;
        }
        if (sort.getCollation().getFieldCollations().isEmpty()) {
            limitAsRowsStream(sort, sink);
            return;
        }
        int rowSet = newRowSet();
        produce(sort.getInput(), row -> emit(row, rowSet));
        List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        if (!collations.isEmpty()) {
            code.emit(Opcode.SORT, rowSet, code.constant(SortKeys.of(collations)));
        }
        if (sort.offset != null || sort.fetch != null) {
            int offset = sort.offset == null ? code.loadConstant(null) : expressions.lower(sort.offset, new int[0]);
            int fetch = sort.fetch == null ? code.loadConstant(null) : expressions.lower(sort.fetch, new int[0]);
            code.emit(Opcode.LIMIT, rowSet, offset, fetch);
        }
        scanRows(RowSourceKind.SCRATCH, rowSet, sort.getRowType().getFieldCount(), sink);
    }

    /**
     * LIMIT / OFFSET without ORDER BY: rows are counted as they come and the input stops once the
     * limit has them all, so a recursive query without end under it ends (StreamingLimit).
     */
    private void limitAsRowsStream(Sort sort, RowSink sink) {
        int offset = sort.offset == null ? code.loadConstant(null) : expressions.lower(sort.offset, new int[0]);
        int fetch = sort.fetch == null ? code.loadConstant(null) : expressions.lower(sort.fetch, new int[0]);
        int state = code.newRegisters(4);
        code.emit(Opcode.LIMIT_START, state, offset, fetch);
        CodeBuilder.Label done = code.newLabel();
        produce(sort.getInput(), row -> {
            code.emitJump(Opcode.TAKE, state, 0, 0, 2, done);
            CodeBuilder.Label skip = code.newLabel();
            code.emitJump(Opcode.JUMP_FALSE, state + 3, 0, 0, 2, skip);
            sink.accept(row);
            code.place(skip);
        });
        code.place(done);
    }

    static String describe(RelNode rel) {
        String name = rel.getRelTypeName().replace("Logical", "");
        return switch (name) {
            case "Join", "Correlate" -> "joins";
            case "Union", "Intersect", "Minus" -> "set operations (UNION/INTERSECT/EXCEPT)";
            case "Window" -> "window functions";
            default -> "query shape " + name;
        };
    }

    /**
     * A branch's row as the union's: regclass values of a branch become oids where the union
     * is oid (Calcite sees the two as one type and casts nothing).
     */
    private int[] asUnionRow(Union union, RelNode input, int[] row) {
        int[] converted = row;
        for (int i = 0; i < row.length; i++) {
            var wanted = dev.amelie.planner.catalog.PostgresSqlType.of(union.getRowType().getFieldList().get(i).getType());
            var given = dev.amelie.planner.catalog.PostgresSqlType.of(input.getRowType().getFieldList().get(i).getType());
            if (wanted == dev.amelie.vm.type.SqlType.OID && given == dev.amelie.vm.type.SqlType.REGCLASS) {
                converted = converted == row ? row.clone() : converted;
                converted[i] = expressions.castRegister(row[i], dev.amelie.vm.type.SqlType.OID);
            }
        }
        return converted;
    }
}
