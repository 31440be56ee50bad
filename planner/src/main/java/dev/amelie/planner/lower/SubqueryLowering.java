package dev.amelie.planner.lower;

import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.HashProbe;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subqueries inside expressions (scalar, EXISTS, IN, ANY/SOME; ALL arrives as NOT ANY of the
 * negated comparison), lowered into a host section as loops over the subquery's rows. Part of
 * {@link SectionLowering}, whose code it extends.
 *
 * <p>A correlated subquery (one that reads a correlation variable, {@code $cor0.a}: a column of
 * the row around it) is re-run for every outer row, its correlation variables read straight
 * from that row's registers; the scratch row sets its operators fill are emptied after each
 * run. An uncorrelated one runs once, at its first use, as PostgreSQL runs an InitPlan: its
 * value (scalar, EXISTS) or its rows (IN, ANY) are kept for every later use. A register that
 * starts out null is the "already done" flag, since each run of a section starts with empty
 * registers.
 */
final class SubqueryLowering {
    private final SectionLowering section;
    private final CodeBuilder code;
    private final ExpressionLowering expressions;
    /** The registers of the row each correlation variable names, where its binding operator reads it. */
    private final Map<CorrelationId, int[]> correlations = new HashMap<>();
    /** Row sets filled once per section run, which re-runs of a correlated subquery must keep. */
    private final Set<Integer> keptRowSets = new HashSet<>();

    /** Whether a subquery keeps this row set's rows for all its runs (an uncorrelated one's, filled once). */
    boolean keeps(int rowSet) {
        return keptRowSets.contains(rowSet);
    }

    SubqueryLowering(SectionLowering section) {
        this.section = section;
        this.code = section.code();
        this.expressions = section.expressions();
    }

    /** The correlation variables an operator binds name its input row (Filter, Project, Join). */
    void bind(Set<CorrelationId> variables, int[] row) {
        for (CorrelationId variable : variables) {
            correlations.put(variable, row);
        }
    }

    /** The register holding field {@code field} of the row a correlation variable names. */
    int correlated(RexCorrelVariable variable, int field) {
        int[] row = correlations.get(variable.id);
        if (row == null) {
            throw new IllegalStateException("correlation variable " + variable.id + " read outside its binding operator");
        }
        return row[field];
    }

    /** A row set that holds rows for the whole section run (built once, read by every outer row). */
    void keep(int rowSet) {
        keptRowSets.add(rowSet);
    }

    int lower(RexSubQuery subQuery, int[] row) {
        return switch (subQuery.getKind()) {
            case SCALAR_QUERY -> onceWhenUncorrelated(subQuery.rel, () -> scalar(subQuery.rel));
            case EXISTS -> onceWhenUncorrelated(subQuery.rel, () -> exists(subQuery.rel));
            case ARRAY_QUERY_CONSTRUCTOR -> onceWhenUncorrelated(subQuery.rel, () -> array(subQuery.rel));
            case IN -> quantified(subQuery, SqlKind.EQUALS, row);
            case SOME -> quantified(subQuery, ((SqlQuantifyOperator) subQuery.getOperator()).comparisonKind, row);
            default -> throw ExpressionLowering.unsupported(subQuery.getKind().sql.toLowerCase(java.util.Locale.ROOT) + " subqueries");
        };
    }

    /**
     * The value of a subquery without operands, computed at its first use and kept when nothing
     * of the outer row goes into it; computed each time otherwise.
     */
    private int onceWhenUncorrelated(RelNode rel, java.util.function.IntSupplier value) {
        if (!NestedQueries.freeVariables(rel).isEmpty()) {
            return value.getAsInt();
        }
        int done = code.newRegister();
        int kept = code.newRegister();
        CodeBuilder.Label ready = code.newLabel();
        code.emitJump(Opcode.JUMP_TRUE, done, 0, 0, 2, ready);
        int firstRowSet = section.peekRowSet();
        code.emit(Opcode.COPY, kept, value.getAsInt());
        keepFrom(firstRowSet);
        code.emit(Opcode.CONST, done, code.constant(Boolean.TRUE));
        code.place(ready);
        return kept;
    }

    /**
     * A scalar subquery: its one row's one value, NULL without rows, and PostgreSQL's 21000 at a
     * second row (ExecScanSubPlan, nodeSubplan.c).
     */
    private int scalar(RelNode rel) {
        int value = code.loadConstant(null);
        int seen = code.loadConstant(Boolean.FALSE);
        CodeBuilder.Label exit = code.newLabel();
        run(rel, inner -> {
            CodeBuilder.Label first = code.newLabel();
            code.emitJump(Opcode.JUMP_FALSE, seen, 0, 0, 2, first);
            code.emit(Opcode.RAISE, code.constant(SqlState.CARDINALITY_VIOLATION),
                    code.constant("more than one row returned by a subquery used as an expression"));
            code.place(first);
            code.emit(Opcode.COPY, value, inner[0]);
            code.emit(Opcode.CONST, seen, code.constant(Boolean.TRUE));
        }, exit);
        return value;
    }

    /** ARRAY(subquery): its rows' one value each, in the subquery's order; {} without rows (ArrayExpr over an ARRAY_SUBLINK). */
    private int array(RelNode rel) {
        int list = code.loadConstant(null);
        CodeBuilder.Label exit = code.newLabel();
        run(rel, inner -> code.emit(Opcode.COLLECT, list, inner[0]), exit);
        int array = expressions.call(dev.amelie.vm.program.Function.ARRAY_FROM_LIST, list);
        return expressions.call(dev.amelie.vm.program.Function.COALESCE, array,
                code.loadConstant(new dev.amelie.vm.value.SqlArray(new Object[0])));
    }

    /** EXISTS: true at the first row, which ends the subquery's run. */
    private int exists(RelNode rel) {
        int found = code.loadConstant(Boolean.FALSE);
        CodeBuilder.Label exit = code.newLabel();
        run(rel, inner -> {
            code.emit(Opcode.CONST, found, code.constant(Boolean.TRUE));
            code.emitJump(Opcode.JUMP, 0, 0, 0, 1, exit);
        }, exit);
        return found;
    }

    /**
     * {@code x op ANY (subquery)}, and IN as {@code = ANY}: the OR of the comparison with every
     * row, in three-valued logic: true at the first true comparison (which ends the run), else
     * NULL if any comparison was NULL, else false; false without rows, whatever x is. That is
     * PostgreSQL's NOT IN with NULLs too (NOT of this). Row operands ({@code (a, b) IN …})
     * compare as rows: the AND of the column comparisons.
     */
    private int quantified(RexSubQuery subQuery, SqlKind comparison, int[] row) {
        List<RexNode> operands = subQuery.getOperands();
        if (operands.size() > 1 && comparison != SqlKind.EQUALS) {
            throw ExpressionLowering.unsupported("row comparisons other than = with ANY, SOME and ALL");
        }
        Opcode compare = switch (comparison) {
            case EQUALS -> Opcode.EQUAL;
            case NOT_EQUALS -> Opcode.NOT_EQUAL;
            case LESS_THAN -> Opcode.LESS;
            case LESS_THAN_OR_EQUAL -> Opcode.LESS_OR_EQUAL;
            case GREATER_THAN -> Opcode.GREATER;
            case GREATER_THAN_OR_EQUAL -> Opcode.GREATER_OR_EQUAL;
            default -> throw ExpressionLowering.unsupported("comparison " + comparison + " with ANY, SOME and ALL");
        };
        int[] values = new int[operands.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = expressions.lower(operands.get(i), row);
        }
        boolean uncorrelated = NestedQueries.freeVariables(subQuery.rel).isEmpty();
        if (uncorrelated && comparison == SqlKind.EQUALS && values.length == 1
                && OuterKeys.hashable(operands.getFirst().getType(), subQuery.rel.getRowType().getFieldList().getFirst().getType())) {
            return hashedIn(subQuery.rel, values[0]);
        }
        int any = code.loadConstant(Boolean.FALSE);
        CodeBuilder.Label exit = code.newLabel();
        RowSink compareRow = inner -> {
            int all = -1;
            for (int i = 0; i < values.length; i++) {
                int one = code.newRegister();
                code.emit(compare, one, values[i], inner[i]);
                if (all < 0) {
                    all = one;
                } else {
                    code.emit(Opcode.AND, all, all, one);
                }
            }
            code.emit(Opcode.OR, any, any, all);
            code.emitJump(Opcode.JUMP_TRUE, any, 0, 0, 2, exit);
        };
        if (NestedQueries.freeVariables(subQuery.rel).isEmpty()) {
            int rows = materializeOnce(subQuery.rel);
            section.scanRows(RowSourceKind.SCRATCH, rows, subQuery.rel.getRowType().getFieldCount(), compareRow);
            code.place(exit);
        } else {
            run(subQuery.rel, compareRow, exit);
        }
        return any;
    }

    /**
     * {@code x IN (uncorrelated subquery)} by a hash index of its rows, built at first use: true
     * when x finds an equal row; else NULL when x is NULL (and there are rows) or a row is NULL;
     * else false. The same three-valued answer as the loop in {@link #quantified}, without
     * reading every row for every x.
     */
    private int hashedIn(RelNode rel, int value) {
        int rows = section.newRowSet();
        keep(rows);
        int done = code.newRegister();
        int nonEmpty = code.newRegister();
        int hasNull = code.newRegister();
        CodeBuilder.Label ready = code.newLabel();
        code.emitJump(Opcode.JUMP_TRUE, done, 0, 0, 2, ready);
        code.emit(Opcode.CONST, nonEmpty, code.constant(Boolean.FALSE));
        code.emit(Opcode.CONST, hasNull, code.constant(Boolean.FALSE));
        int firstRowSet = section.peekRowSet();
        section.produce(rel, inner -> {
            section.emit(inner, rows);
            code.emit(Opcode.CONST, nonEmpty, code.constant(Boolean.TRUE));
            int isNull = code.newRegister();
            code.emit(Opcode.IS_NULL, isNull, inner[0]);
            code.emit(Opcode.OR, hasNull, hasNull, isNull);
        });
        keepFrom(firstRowSet);
        code.emit(Opcode.HASH_BUILD, rows, code.constant(new int[] {0}));
        code.emit(Opcode.CONST, done, code.constant(Boolean.TRUE));
        code.place(ready);

        int result = code.newRegister();
        CodeBuilder.Label end = code.newLabel();
        CodeBuilder.Label probe = code.newLabel();
        CodeBuilder.Label notFound = code.newLabel();
        int valueIsNull = code.newRegister();
        code.emit(Opcode.IS_NULL, valueIsNull, value);
        code.emitJump(Opcode.JUMP_FALSE, valueIsNull, 0, 0, 2, probe);
        code.emit(Opcode.CONST, result, code.constant(Boolean.FALSE));
        code.emitJump(Opcode.JUMP_FALSE, nonEmpty, 0, 0, 2, end);
        code.emit(Opcode.CONST, result, code.constant(null));
        code.emitJump(Opcode.JUMP, 0, 0, 0, 1, end);
        code.place(probe);
        int cursor = code.newCursor();
        code.emit(Opcode.HASH_PROBE, cursor, code.constant(new HashProbe(rows, 1)), value);
        code.emit(Opcode.CONST, result, code.constant(Boolean.TRUE));
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, notFound);
        code.emitJump(Opcode.JUMP, 0, 0, 0, 1, end);
        code.place(notFound);
        code.emit(Opcode.CONST, result, code.constant(Boolean.FALSE));
        code.emitJump(Opcode.JUMP_FALSE, hasNull, 0, 0, 2, end);
        code.emit(Opcode.CONST, result, code.constant(null));
        code.place(end);
        return result;
    }

    /** The rows of an uncorrelated subquery, in a row set filled at its first use. */
    private int materializeOnce(RelNode rel) {
        int rows = section.newRowSet();
        keep(rows);
        int done = code.newRegister();
        CodeBuilder.Label ready = code.newLabel();
        code.emitJump(Opcode.JUMP_TRUE, done, 0, 0, 2, ready);
        int firstRowSet = section.peekRowSet();
        section.produce(rel, inner -> section.emit(inner, rows));
        keepFrom(firstRowSet);
        code.emit(Opcode.CONST, done, code.constant(Boolean.TRUE));
        code.place(ready);
        return rows;
    }

    /**
     * One run of the subquery's rows into the sink; the sink may jump to {@code exit} to end the
     * run early. Afterwards the scratch row sets the run filled are emptied for the next run.
     */
    private void run(RelNode rel, RowSink sink, CodeBuilder.Label exit) {
        int firstRowSet = section.peekRowSet();
        section.produce(rel, sink);
        code.place(exit);
        for (int rowSet = firstRowSet; rowSet < section.peekRowSet(); rowSet++) {
            if (!keptRowSets.contains(rowSet)) {
                code.emit(Opcode.CLEAR, rowSet);
            }
        }
    }

    /**
     * A correlated filter over a source's rows, by its equalities with the outer row: the
     * source's rows are hashed on those columns once, and each run probes with the outer row's
     * values (a NULL value matches nothing, as {@code =} says); the rest of the condition
     * filters what the probe finds.
     */
    void lookup(Filter filter, OuterKeys keys, int source, RowSink sink) {
        int width = filter.getInput().getRowType().getFieldCount();
        int rows = section.newRowSet();
        keep(rows);
        int done = code.newRegister();
        CodeBuilder.Label ready = code.newLabel();
        code.emitJump(Opcode.JUMP_TRUE, done, 0, 0, 2, ready);
        section.scanSource(source, width, row -> section.emit(row, rows));
        code.emit(Opcode.HASH_BUILD, rows, code.constant(keys.columns()));
        code.emit(Opcode.CONST, done, code.constant(Boolean.TRUE));
        code.place(ready);

        int[] values = new int[keys.values().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = expressions.lower(keys.values().get(i), new int[0]);
        }
        int cursor = code.newCursor();
        code.emit(Opcode.HASH_PROBE, cursor, code.constant(new HashProbe(rows, values.length)), section.consecutive(values));
        CodeBuilder.Label end = code.newLabel();
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int[] row = code.loadRow(cursor, width);
        CodeBuilder.Label skip = code.newLabel();
        if (!keys.residual().isAlwaysTrue()) {
            section.bindCorrelations(filter, row);
            int accepted = expressions.lower(keys.residual(), row);
            code.emitJump(Opcode.JUMP_FALSE, accepted, 0, 0, 2, skip);
        }
        sink.accept(row);
        code.place(skip);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
    }

    /** Every row set numbered from {@code first} on so far belongs to a part that runs once. */
    private void keepFrom(int first) {
        for (int rowSet = first; rowSet < section.peekRowSet(); rowSet++) {
            keep(rowSet);
        }
    }
}
