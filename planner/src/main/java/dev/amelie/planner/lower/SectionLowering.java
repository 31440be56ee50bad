package dev.amelie.planner.lower;

import dev.amelie.planner.catalog.CalciteTable;
import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.program.SortKey;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

import java.util.List;
import java.util.Map;
import java.util.Locale;

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
    private int scanCursor = -1;
    private KeyLookup lookupKey;
    private int nextRowSet = 1;

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
                finalAggregate(aggregate, sink);
            } else {
                scanRows(RowSourceKind.INPUT, 0, rel.getRowType().getFieldCount(), sink);
            }
            return;
        }
        switch (rel) {
            case TableScan scan -> {
                if (kind != SectionKind.PUSHDOWN) {
                    throw new IllegalStateException("table scan outside a pushdown section");
                }
                scanRows(RowSourceKind.PARTITION, 0, scan.getRowType().getFieldCount(), sink);
            }
            case Filter filter when kind == SectionKind.PUSHDOWN && filter.getInput() instanceof TableScan scan
                    && lookupKey(filter, scan) != null -> lookup(scan, lookupKey(filter, scan), sink);
            case Filter filter -> produce(filter.getInput(), row -> {
                int condition = expressions.lower(filter.getCondition(), row);
                CodeBuilder.Label skip = code.newLabel();
                code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, skip);
                sink.accept(row);
                code.place(skip);
            });
            case Project project -> produce(project.getInput(), row -> {
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
                        row[i] = code.loadConstant(ExpressionLowering.literalValue(tuple.get(i)));
                    }
                    sink.accept(row);
                }
            }
            case Union union when union.all -> {
                for (RelNode input : union.getInputs()) {
                    produce(input, sink);
                }
            }
            case Sort sort -> sort(sort, sink);
            case Join join when kind == SectionKind.HOST -> join(join, sink);
            case Aggregate aggregate -> aggregate(aggregate, sink, kind == SectionKind.PUSHDOWN);
            default -> throw ExpressionLowering.unsupported(describe(rel));
        }
    }

    /**
     * A nested-loop join on the host: one input is materialized once, then every row of the
     * other is combined with every materialized row the condition accepts. LEFT (RIGHT) JOIN
     * loops over the left (right) input and emits its row with NULLs when nothing matched.
     * Combined rows are always left fields then right fields, as Calcite numbers them.
     */
    private void join(Join join, RowSink sink) {
        JoinRelType type = join.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT) {
            throw ExpressionLowering.unsupported(type.name() + " JOIN");
        }
        boolean rightDriven = type == JoinRelType.RIGHT;
        boolean outer = type != JoinRelType.INNER;
        RelNode driving = rightDriven ? join.getRight() : join.getLeft();
        RelNode materialized = rightDriven ? join.getLeft() : join.getRight();
        int leftWidth = join.getLeft().getRowType().getFieldCount();
        int rightWidth = join.getRight().getRowType().getFieldCount();
        int otherWidth = materialized.getRowType().getFieldCount();
        int set = nextRowSet++;
        produce(materialized, row -> emit(row, set));
        produce(driving, drivingRow -> {
            int matched = outer ? code.loadConstant(Boolean.FALSE) : -1;
            int cursor = code.newCursor();
            code.emit(Opcode.OPEN, cursor, RowSourceKind.SCRATCH.ordinal(), set);
            CodeBuilder.Label end = code.newLabel();
            int loop = code.position();
            code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
            int first = code.newRegisters(Math.max(otherWidth, 1));
            int[] other = new int[otherWidth];
            for (int i = 0; i < otherWidth; i++) {
                code.emit(Opcode.COLUMN, first + i, cursor, i);
                other[i] = first + i;
            }
            int[] combined = rightDriven ? concat(other, drivingRow) : concat(drivingRow, other);
            CodeBuilder.Label skip = code.newLabel();
            if (!join.getCondition().isAlwaysTrue()) {
                int condition = expressions.lower(join.getCondition(), combined);
                code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, skip);
            }
            if (outer) {
                code.emit(Opcode.CONST, matched, code.constant(Boolean.TRUE));
            }
            sink.accept(combined);
            code.place(skip);
            code.emit(Opcode.JUMP, loop);
            code.place(end);
            if (outer) {
                CodeBuilder.Label done = code.newLabel();
                code.emitJump(Opcode.JUMP_TRUE, matched, 0, 0, 2, done);
                int nullsFirst = code.newRegisters(Math.max(otherWidth, 1));
                int[] nulls = new int[otherWidth];
                for (int i = 0; i < otherWidth; i++) {
                    code.emit(Opcode.CONST, nullsFirst + i, code.constant(null));
                    nulls[i] = nullsFirst + i;
                }
                sink.accept(rightDriven ? concat(nulls, drivingRow) : concat(drivingRow, nulls));
                code.place(done);
            }
        });
        assert leftWidth + rightWidth == join.getRowType().getFieldCount();
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private KeyLookup lookupKey(Filter filter, TableScan scan) {
        CalciteTable table = scan.getTable().unwrap(CalciteTable.class);
        return table == null ? null : KeyLookup.match(filter.getCondition(), table.def(), filter.getCluster().getRexBuilder());
    }

    /** Reads the one row with the given key (if present); the residual condition filters it. */
    private void lookup(TableScan scan, KeyLookup key, RowSink sink) {
        int[] keyRegisters = new int[key.keyValues().length];
        for (int i = 0; i < keyRegisters.length; i++) {
            keyRegisters[i] = expressions.lower(key.keyValues()[i], new int[0]);
        }
        int first = consecutive(keyRegisters);
        int cursor = code.newCursor();
        scanCursor = cursor;
        lookupKey = key;
        code.emit(Opcode.LOOKUP, cursor, first, keyRegisters.length);
        CodeBuilder.Label end = code.newLabel();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int width = scan.getRowType().getFieldCount();
        int columns = code.newRegisters(Math.max(width, 1));
        int[] row = new int[width];
        for (int i = 0; i < width; i++) {
            row[i] = columns + i;
            code.emit(Opcode.COLUMN, columns + i, cursor, i);
        }
        if (key.residual() != null) {
            int condition = expressions.lower(key.residual(), row);
            code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, end);
        }
        sink.accept(row);
        code.place(end);
    }

    /** The key lookup this section does instead of a scan, or null. */
    KeyLookup lookupKey() {
        return lookupKey;
    }

    /** Hands every row of source program k to the sink. */
    void scanSource(int source, int width, RowSink sink) {
        scanRows(RowSourceKind.SOURCE, source, width, sink);
    }

    /** Opens a cursor over a row source and loops over it; returns the cursor. */
    private int scanRows(RowSourceKind source, int rowSet, int width, RowSink sink) {
        int cursor = code.newCursor();
        if (source == RowSourceKind.PARTITION) {
            scanCursor = cursor; // the sink may UPDATE or DELETE this cursor's current row
        }
        code.emit(Opcode.OPEN, cursor, source.ordinal(), rowSet);
        CodeBuilder.Label end = code.newLabel();
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int first = code.newRegisters(Math.max(width, 1));
        int[] row = new int[width];
        for (int i = 0; i < width; i++) {
            row[i] = first + i;
            code.emit(Opcode.COLUMN, first + i, cursor, i);
        }
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
        int rowSet = nextRowSet++;
        produce(sort.getInput(), row -> emit(row, rowSet));
        List<RelFieldCollation> collations = sort.getCollation().getFieldCollations();
        if (!collations.isEmpty()) {
            SortKey[] keys = new SortKey[collations.size()];
            for (int i = 0; i < keys.length; i++) {
                RelFieldCollation c = collations.get(i);
                keys[i] = new SortKey(c.getFieldIndex(), c.getDirection().isDescending(),
                        c.nullDirection == RelFieldCollation.NullDirection.FIRST);
            }
            code.emit(Opcode.SORT, rowSet, code.constant(keys));
        }
        if (sort.offset != null || sort.fetch != null) {
            int offset = sort.offset == null ? code.loadConstant(null) : expressions.lower(sort.offset, new int[0]);
            int fetch = sort.fetch == null ? code.loadConstant(null) : expressions.lower(sort.fetch, new int[0]);
            code.emit(Opcode.LIMIT, rowSet, offset, fetch);
        }
        scanRows(RowSourceKind.SCRATCH, rowSet, sort.getRowType().getFieldCount(), sink);
    }

    /** A whole aggregate (host) or its partial half (pushdown): one accumulator per call. */
    private void aggregate(Aggregate aggregate, RowSink sink, boolean partial) {
        checkSupported(aggregate);
        if (!aggregate.getGroupSet().isEmpty()) {
            groupedAggregate(aggregate, sink);
            return;
        }
        List<AggregateCall> calls = aggregate.getAggCallList();
        int[] accumulators = new int[calls.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = code.loadConstant(calls.get(i).getAggregation().getKind() == SqlKind.COUNT ? (Object) 0L : null);
        }
        produce(aggregate.getInput(), row -> accumulate(calls, accumulators, row));
        sink.accept(partial ? accumulators : finish(calls, accumulators));
    }

    /**
     * GROUP BY on the host: the input is materialized and sorted on the group keys, then one
     * pass aggregates each run of equal keys (NULL keys group together, as IS NOT DISTINCT FROM
     * says). The output row is the group keys, then the aggregates.
     */
    private void groupedAggregate(Aggregate aggregate, RowSink sink) {
        List<Integer> keys = aggregate.getGroupSet().asList();
        List<AggregateCall> calls = aggregate.getAggCallList();
        int rowSet = nextRowSet++;
        produce(aggregate.getInput(), row -> emit(row, rowSet));
        SortKey[] order = new SortKey[keys.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = new SortKey(keys.get(k), false, false);
        }
        code.emit(Opcode.SORT, rowSet, code.constant(order));

        int first = code.loadConstant(Boolean.TRUE);
        int previous = code.newRegisters(keys.size());
        int[] accumulators = new int[calls.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = code.newRegister();
        }
        int[] groupRow = new int[keys.size() + calls.size()];
        for (int k = 0; k < keys.size(); k++) {
            groupRow[k] = previous + k;
        }
        int width = aggregate.getInput().getRowType().getFieldCount();
        CodeBuilder.Label end = code.newLabel();
        CodeBuilder.Label done = code.newLabel();
        int cursor = code.newCursor();
        code.emit(Opcode.OPEN, cursor, RowSourceKind.SCRATCH.ordinal(), rowSet);
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int columns = code.newRegisters(Math.max(width, 1));
        int[] row = new int[width];
        for (int i = 0; i < width; i++) {
            row[i] = columns + i;
            code.emit(Opcode.COLUMN, columns + i, cursor, i);
        }
        CodeBuilder.Label newGroup = code.newLabel();
        CodeBuilder.Label update = code.newLabel();
        code.emitJump(Opcode.JUMP_TRUE, first, 0, 0, 2, newGroup);
        int same = code.loadConstant(Boolean.TRUE);
        for (int k = 0; k < keys.size(); k++) {
            int equal = code.newRegister();
            code.emit(Opcode.NOT_DISTINCT, equal, previous + k, row[keys.get(k)]);
            code.emit(Opcode.AND, same, same, equal);
        }
        code.emitJump(Opcode.JUMP_TRUE, same, 0, 0, 2, update);
        emitGroup(calls, accumulators, groupRow, sink);
        code.place(newGroup);
        code.emit(Opcode.CONST, first, code.constant(Boolean.FALSE));
        for (int k = 0; k < keys.size(); k++) {
            code.emit(Opcode.COPY, previous + k, row[keys.get(k)]);
        }
        for (int i = 0; i < accumulators.length; i++) {
            code.emit(Opcode.CONST, accumulators[i],
                    code.constant(calls.get(i).getAggregation().getKind() == SqlKind.COUNT ? (Object) 0L : null));
        }
        code.place(update);
        accumulate(calls, accumulators, row);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
        code.emitJump(Opcode.JUMP_TRUE, first, 0, 0, 2, done);
        emitGroup(calls, accumulators, groupRow, sink);
        code.place(done);
    }

    private void emitGroup(List<AggregateCall> calls, int[] accumulators, int[] groupRow, RowSink sink) {
        int[] finished = finish(calls, accumulators);
        int keys = groupRow.length - finished.length;
        int[] out = groupRow.clone();
        System.arraycopy(finished, 0, out, keys, finished.length);
        sink.accept(out);
    }

    /** Adds one input row to each aggregate's accumulator. */
    private void accumulate(List<AggregateCall> calls, int[] accumulators, int[] row) {
        for (int i = 0; i < accumulators.length; i++) {
            AggregateCall call = calls.get(i);
            int argument = call.getArgList().isEmpty() ? -1 : row[call.getArgList().get(0)];
            switch (call.getAggregation().getKind()) {
                case COUNT -> {
                    if (argument < 0) {
                        code.emit(Opcode.COUNT, accumulators[i]);
                    } else {
                        code.emit(Opcode.COUNT_VALUE, accumulators[i], argument);
                    }
                }
                case SUM, SUM0 -> code.emit(Opcode.SUM, accumulators[i], argument);
                // Any value of the group will do; the least is one, and keeps plans deterministic.
                case MIN, ANY_VALUE -> code.emit(Opcode.MIN, accumulators[i], argument);
                case MAX -> code.emit(Opcode.MAX, accumulators[i], argument);
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Combines the partial rows the nodes sent: counts add up, sums add, min/max compare. */
    private void finalAggregate(Aggregate aggregate, RowSink sink) {
        List<AggregateCall> calls = aggregate.getAggCallList();
        int[] accumulators = new int[calls.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = code.loadConstant(calls.get(i).getAggregation().getKind() == SqlKind.COUNT ? (Object) 0L : null);
        }
        scanRows(RowSourceKind.INPUT, 0, calls.size(), row -> {
            for (int i = 0; i < accumulators.length; i++) {
                Opcode combine = switch (calls.get(i).getAggregation().getKind()) {
                    case COUNT, SUM, SUM0 -> Opcode.SUM;
                    case MIN, ANY_VALUE -> Opcode.MIN;
                    case MAX -> Opcode.MAX;
                    default -> throw new IllegalStateException();
                };
                code.emit(combine, accumulators[i], row[i]);
            }
        });
        sink.accept(finish(calls, accumulators));
    }

    /** Sums accumulate in the widest class; cast them to the type the statement declares. */
    private int[] finish(List<AggregateCall> calls, int[] accumulators) {
        int[] out = accumulators.clone();
        for (int i = 0; i < out.length; i++) {
            SqlKind k = calls.get(i).getAggregation().getKind();
            if (k == SqlKind.SUM || k == SqlKind.SUM0) {
                SqlType type = TypeMapping.fromCalcite(calls.get(i).getType());
                out[i] = expressions.castRegister(accumulators[i], type);
            }
        }
        return out;
    }

    static void checkSupported(Aggregate aggregate) {
        if (aggregate.getGroupSets().size() != 1) {
            throw ExpressionLowering.unsupported("GROUPING SETS, ROLLUP and CUBE");
        }
        for (AggregateCall call : aggregate.getAggCallList()) {
            if (call.isDistinct()) {
                throw ExpressionLowering.unsupported("DISTINCT in aggregates");
            }
            if (call.filterArg >= 0) {
                throw ExpressionLowering.unsupported("FILTER in aggregates");
            }
            switch (call.getAggregation().getKind()) {
                case COUNT, SUM, SUM0, MIN, MAX, ANY_VALUE -> {
                    if (call.getArgList().size() > 1) {
                        throw ExpressionLowering.unsupported("aggregate " + call.getAggregation().getName().toLowerCase(Locale.ROOT)
                                + " with several arguments");
                    }
                }
                default -> throw ExpressionLowering.unsupported("aggregate function " + call.getAggregation().getName().toLowerCase(Locale.ROOT));
            }
        }
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
}
