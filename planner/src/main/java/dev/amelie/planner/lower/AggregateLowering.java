package dev.amelie.planner.lower;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.program.SortKey;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;

import java.util.List;
import java.util.Locale;

/**
 * Aggregates, lowered into a section: ungrouped ones run whole on the host or split into a
 * partial half on the nodes and a final half on the host; GROUP BY runs on the host, sorted on
 * its keys. Part of {@link SectionLowering}, whose code it extends.
 */
final class AggregateLowering {
    private final SectionLowering section;
    private final CodeBuilder code;
    private final ExpressionLowering expressions;

    AggregateLowering(SectionLowering section) {
        this.section = section;
        this.code = section.code();
        this.expressions = section.expressions();
    }

    /** A whole aggregate (host) or its partial half (pushdown): one accumulator per call. */
    void lower(Aggregate aggregate, RowSink sink, boolean partial) {
        checkSupported(aggregate);
        if (!aggregate.getGroupSet().isEmpty()) {
            grouped(aggregate, sink);
            return;
        }
        List<AggregateCall> calls = aggregate.getAggCallList();
        if (partial && !splits(aggregate)) {
            throw new IllegalStateException("avg runs whole on the host");
        }
        int[] accumulators = new int[calls.size()];
        int[] counts = new int[calls.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = code.loadConstant(initial(calls.get(i)));
            counts[i] = calls.get(i).getAggregation().getKind() == SqlKind.AVG ? code.loadConstant(0L) : -1;
        }
        SortKey[] within = orderWithin(aggregate);
        if (within.length == 0) {
            section.produce(aggregate.getInput(), row -> accumulate(calls, accumulators, counts, row));
        } else {
            // string_agg(x, ',' ORDER BY y): the rows, sorted, then aggregated in that order.
            int rowSet = section.newRowSet();
            section.produce(aggregate.getInput(), row -> section.emit(row, rowSet));
            code.emit(Opcode.SORT, rowSet, code.constant(within));
            section.scanRows(RowSourceKind.SCRATCH, rowSet, aggregate.getInput().getRowType().getFieldCount(),
                    row -> accumulate(calls, accumulators, counts, row));
        }
        sink.accept(partial ? accumulators : finish(calls, accumulators, counts));
    }

    /**
     * Whether the aggregate can run as partial aggregates on the nodes and a final one on the
     * host: not with avg, whose partial state would be two values (sum and count).
     */
    /** var_pop … stddev_samp (three sums of state) and the bit aggregates run whole on the host, as avg. */
    private static final java.util.Set<SqlKind> VARIANCES = java.util.EnumSet.of(SqlKind.VAR_POP, SqlKind.VAR_SAMP,
            SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.BIT_AND, SqlKind.BIT_OR, SqlKind.BIT_XOR);

    /** array_agg, json[b]_agg and json[b]_object_agg collect the group's values, on the host (their order matters). */
    private static final java.util.Set<SqlKind> COLLECTING = java.util.EnumSet.of(SqlKind.ARRAY_AGG, SqlKind.OTHER_FUNCTION);

    static boolean splits(Aggregate aggregate) {
        return aggregate.getAggCallList().stream().noneMatch(call -> call.getAggregation().getKind() == SqlKind.AVG
                || call.getAggregation().getKind() == SqlKind.LISTAGG || VARIANCES.contains(call.getAggregation().getKind())
                || COLLECTING.contains(call.getAggregation().getKind()));
    }

    /**
     * GROUP BY on the host: the input is materialized and sorted on the group keys, then one
     * pass aggregates each run of equal keys (NULL keys group together, as IS NOT DISTINCT FROM
     * says). The output row is the group keys, then the aggregates.
     */
    private void grouped(Aggregate aggregate, RowSink sink) {
        List<Integer> keys = aggregate.getGroupSet().asList();
        List<AggregateCall> calls = aggregate.getAggCallList();
        int rowSet = section.newRowSet();
        section.produce(aggregate.getInput(), row -> section.emit(row, rowSet));
        // Sorted on the group keys, then on an aggregate's ORDER BY: each group's rows come in that order.
        SortKey[] within = orderWithin(aggregate);
        SortKey[] order = new SortKey[keys.size() + within.length];
        for (int k = 0; k < keys.size(); k++) {
            order[k] = new SortKey(keys.get(k), false, false);
        }
        System.arraycopy(within, 0, order, keys.size(), within.length);
        code.emit(Opcode.SORT, rowSet, code.constant(order));

        int first = code.loadConstant(Boolean.TRUE);
        int previous = code.newRegisters(keys.size());
        int[] accumulators = new int[calls.size()];
        int[] counts = new int[calls.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = code.newRegister();
            counts[i] = calls.get(i).getAggregation().getKind() == SqlKind.AVG ? code.newRegister() : -1;
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
        int[] row = code.loadRow(cursor, width);
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
        emitGroup(calls, accumulators, counts, groupRow, sink);
        code.place(newGroup);
        code.emit(Opcode.CONST, first, code.constant(Boolean.FALSE));
        for (int k = 0; k < keys.size(); k++) {
            code.emit(Opcode.COPY, previous + k, row[keys.get(k)]);
        }
        for (int i = 0; i < accumulators.length; i++) {
            code.emit(Opcode.CONST, accumulators[i],
                    code.constant(initial(calls.get(i))));
            if (counts[i] >= 0) {
                code.emit(Opcode.CONST, counts[i], code.constant(0L));
            }
        }
        code.place(update);
        accumulate(calls, accumulators, counts, row);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
        code.emitJump(Opcode.JUMP_TRUE, first, 0, 0, 2, done);
        emitGroup(calls, accumulators, counts, groupRow, sink);
        code.place(done);
    }

    /**
     * The ORDER BY inside the aggregates' calls (string_agg(x, ',' ORDER BY y)), as sort keys of
     * the input row; none when no call has one. Calls with different orders would need one sort
     * each: not supported yet.
     */
    private static SortKey[] orderWithin(Aggregate aggregate) {
        List<RelFieldCollation> order = null;
        for (AggregateCall call : aggregate.getAggCallList()) {
            List<RelFieldCollation> own = call.getCollation().getFieldCollations();
            if (own.isEmpty()) {
                continue;
            }
            if (order != null && !order.equals(own)) {
                throw ExpressionLowering.unsupported("aggregates with different ORDER BY in one query");
            }
            order = own;
        }
        return order == null ? new SortKey[0] : SortKeys.of(order);
    }

    private void emitGroup(List<AggregateCall> calls, int[] accumulators, int[] counts, int[] groupRow, RowSink sink) {
        int[] finished = finish(calls, accumulators, counts);
        int keys = groupRow.length - finished.length;
        int[] out = groupRow.clone();
        System.arraycopy(finished, 0, out, keys, finished.length);
        sink.accept(out);
    }

    /**
     * Adds one input row to each aggregate's accumulator (and to avg's count of values); an
     * aggregate with FILTER (WHERE …) skips the rows whose filter column is not true.
     */
    private void accumulate(List<AggregateCall> calls, int[] accumulators, int[] counts, int[] row) {
        for (int i = 0; i < accumulators.length; i++) {
            AggregateCall call = calls.get(i);
            CodeBuilder.Label filteredOut = null;
            if (call.filterArg >= 0) {
                filteredOut = code.newLabel();
                code.emitJump(Opcode.JUMP_FALSE, row[call.filterArg], 0, 0, 2, filteredOut);
            }
            accumulateOne(call, accumulators, counts, row, i);
            if (filteredOut != null) {
                code.place(filteredOut);
            }
        }
    }

    private void accumulateOne(AggregateCall call, int[] accumulators, int[] counts, int[] row, int i) {
        {
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
                case AVG -> {
                    code.emit(Opcode.SUM, accumulators[i], argument);
                    code.emit(Opcode.COUNT_VALUE, counts[i], argument);
                }
                case LISTAGG -> code.emit(Opcode.STRING_AGG, accumulators[i], argument,
                        call.getArgList().size() > 1 ? row[call.getArgList().get(1)] : code.loadConstant(","));
                // Any value of the group will do; the least is one, and keeps plans deterministic.
                case MIN, ANY_VALUE -> code.emit(Opcode.MIN, accumulators[i], argument);
                case MAX -> code.emit(Opcode.MAX, accumulators[i], argument);
                case VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP -> code.emit(Opcode.VARIANCE_ADD, accumulators[i], argument);
                case BIT_AND -> code.emit(Opcode.BIT_AGG, accumulators[i], argument, 0);
                case BIT_OR -> code.emit(Opcode.BIT_AGG, accumulators[i], argument, 1);
                case BIT_XOR -> code.emit(Opcode.BIT_AGG, accumulators[i], argument, 2);
                case ARRAY_AGG, OTHER_FUNCTION -> {
                    // json[b]_object_agg collects its key and value one after the other.
                    for (int a : call.getArgList()) {
                        code.emit(Opcode.COLLECT, accumulators[i], row[a]);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /**
     * An accumulator before its first row: 0 for count and for Calcite's $SUM0 (the sum of
     * partial counts it makes of count when it expands DISTINCT aggregates), so that both give 0,
     * not NULL, over no rows; NULL for the others.
     */
    private static Object initial(AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        return kind == SqlKind.COUNT || kind == SqlKind.SUM0 ? (Object) 0L : null;
    }

    /** Combines the partial rows the nodes sent: counts add up, sums add, min/max compare. */
    void lowerFinal(Aggregate aggregate, RowSink sink) {
        List<AggregateCall> calls = aggregate.getAggCallList();
        int[] accumulators = new int[calls.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = code.loadConstant(initial(calls.get(i)));
        }
        section.scanRows(RowSourceKind.INPUT, 0, calls.size(), row -> {
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
        sink.accept(finish(calls, accumulators, null));
    }

    /**
     * Sums accumulate in the widest class; cast them to the type the statement declares. avg is
     * the sum divided by the count of values, in numeric or double precision as PostgreSQL's
     * int4_avg_accum / numeric_avg / float8_avg finish it (NULL without values).
     */
    private int[] finish(List<AggregateCall> calls, int[] accumulators, int[] counts) {
        int[] out = accumulators.clone();
        for (int i = 0; i < out.length; i++) {
            SqlKind k = calls.get(i).getAggregation().getKind();
            SqlType type = TypeMapping.fromCalcite(calls.get(i).getType());
            if (k == SqlKind.SUM || k == SqlKind.SUM0) {
                out[i] = expressions.castRegister(accumulators[i], type);
            } else if (k == SqlKind.AVG) {
                out[i] = code.newRegister();
                code.emitTyped(Opcode.DIVIDE, type, out[i], accumulators[i], counts[i]);
            } else if (k == SqlKind.ARRAY_AGG) {
                out[i] = expressions.call(Function.ARRAY_FROM_LIST, accumulators[i]);
            } else if (k == SqlKind.OTHER_FUNCTION) {
                out[i] = expressions.call(switch (calls.get(i).getAggregation().getName()) {
                    case "jsonb_agg" -> Function.JSONB_AGG_RESULT;
                    case "json_object_agg" -> Function.JSON_OBJECT_AGG_RESULT;
                    case "jsonb_object_agg" -> Function.JSONB_OBJECT_AGG_RESULT;
                    default -> Function.JSON_AGG_RESULT;
                }, accumulators[i]);
            } else if (k == SqlKind.VAR_POP || k == SqlKind.VAR_SAMP || k == SqlKind.STDDEV_POP || k == SqlKind.STDDEV_SAMP) {
                out[i] = code.newRegister();
                code.emit(Opcode.VARIANCE_RESULT, out[i], accumulators[i], switch (k) {
                    case VAR_POP -> 0;
                    case VAR_SAMP -> 1;
                    case STDDEV_POP -> 2;
                    default -> 3;
                });
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
            switch (call.getAggregation().getKind()) {
                case LISTAGG, ARRAY_AGG -> {
                }
                case OTHER_FUNCTION -> {
                    String name = call.getAggregation().getName();
                    if (!java.util.Set.of("json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg").contains(name)) {
                        throw ExpressionLowering.unsupported("aggregate function " + name);
                    }
                }
                case COUNT, SUM, SUM0, AVG, MIN, MAX, ANY_VALUE, VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP, BIT_AND, BIT_OR,
                     BIT_XOR -> {
                    if (call.getArgList().size() > 1) {
                        throw ExpressionLowering.unsupported("aggregate " + call.getAggregation().getName().toLowerCase(Locale.ROOT)
                                + " with several arguments");
                    }
                }
                default -> throw ExpressionLowering.unsupported("aggregate function " + call.getAggregation().getName().toLowerCase(Locale.ROOT));
            }
        }
    }
}
