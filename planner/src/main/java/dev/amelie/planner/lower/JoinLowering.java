package dev.amelie.planner.lower;

import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.HashProbe;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/**
 * Joins, lowered into a host section: one input is materialized, the other drives a loop over
 * the materialized rows that match, by a hash index on the equality keys when the condition has
 * any (the rest of the condition filters), else all of them (nested loop). Part of
 * {@link SectionLowering}.
 */
final class JoinLowering {
    private final SectionLowering section;
    private final CodeBuilder code;
    private final ExpressionLowering expressions;

    JoinLowering(SectionLowering section) {
        this.section = section;
        this.code = section.code();
        this.expressions = section.expressions();
    }

    /**
     * A nested-loop join on the host: one input is materialized once, then every row of the
     * other is combined with every materialized row the condition accepts. LEFT (RIGHT) JOIN
     * loops over the left (right) input and emits its row with NULLs when nothing matched. FULL
     * JOIN materializes both: a LEFT JOIN pass over the left rows, then a pass over the right
     * rows that emits, with NULLs, those no left row matched. Combined rows are always left
     * fields then right fields, as Calcite numbers them.
     */
    void lower(Join join, RowSink sink) {
        JoinRelType type = join.getJoinType();
        if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.RIGHT && type != JoinRelType.FULL) {
            throw ExpressionLowering.unsupported(type.name() + " JOIN");
        }
        if (type == JoinRelType.FULL) {
            int leftWidth = join.getLeft().getRowType().getFieldCount();
            int rightWidth = join.getRight().getRowType().getFieldCount();
            int leftSet = section.newRowSet();
            section.produce(join.getLeft(), row -> section.emit(row, leftSet));
            int rightSet = section.newRowSet();
            section.produce(join.getRight(), row -> section.emit(row, rightSet));
            pass(join, rightSet, false, true, true,
                    each -> section.scanRows(RowSourceKind.SCRATCH, leftSet, leftWidth, each), sink);
            pass(join, leftSet, true, true, false,
                    each -> section.scanRows(RowSourceKind.SCRATCH, rightSet, rightWidth, each), sink);
            return;
        }
        boolean rightDriven = type == JoinRelType.RIGHT;
        RelNode materialized = rightDriven ? join.getLeft() : join.getRight();
        int set = section.newRowSet();
        section.produce(materialized, row -> section.emit(row, set));
        RelNode driving = rightDriven ? join.getRight() : join.getLeft();
        pass(join, set, rightDriven, type != JoinRelType.INNER, true, each -> section.produce(driving, each), sink);
    }

    /**
     * One loop over the driving rows, each combined with the rows of {@code set} (the other
     * side) that the condition accepts. {@code outer}: a driving row nothing matched is emitted
     * with NULLs; {@code emitMatches} false emits only those (FULL JOIN's second pass).
     */
    private void pass(Join join, int set, boolean rightDriven, boolean outer, boolean emitMatches,
                      java.util.function.Consumer<RowSink> drivingRows, RowSink sink) {
        int otherWidth = (rightDriven ? join.getLeft() : join.getRight()).getRowType().getFieldCount();
        EquiKeys keys = EquiKeys.of(join);
        int[] drivingKeys = keys == null ? null : rightDriven ? keys.right() : keys.left();
        if (keys != null) {
            code.emit(Opcode.HASH_BUILD, set, code.constant(rightDriven ? keys.left() : keys.right()));
        }
        RexNode condition = keys == null ? join.getCondition() : keys.remaining();
        drivingRows.accept(drivingRow -> {
            int matched = outer ? code.loadConstant(Boolean.FALSE) : -1;
            int cursor = code.newCursor();
            if (keys == null) {
                code.emit(Opcode.OPEN, cursor, RowSourceKind.SCRATCH.ordinal(), set);
            } else {
                int[] keyRegisters = new int[drivingKeys.length];
                for (int k = 0; k < keyRegisters.length; k++) {
                    keyRegisters[k] = drivingRow[drivingKeys[k]];
                }
                code.emit(Opcode.HASH_PROBE, cursor, code.constant(new HashProbe(set, keyRegisters.length)),
                        section.consecutive(keyRegisters));
            }
            CodeBuilder.Label end = code.newLabel();
            int loop = code.position();
            code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
            int[] other = code.loadRow(cursor, otherWidth);
            int[] combined = rightDriven ? concat(other, drivingRow) : concat(drivingRow, other);
            CodeBuilder.Label skip = code.newLabel();
            if (!condition.isAlwaysTrue()) {
                section.bindCorrelations(join, combined);
                int accepted = expressions.lower(condition, combined);
                code.emitJump(Opcode.JUMP_FALSE, accepted, 0, 0, 2, skip);
            }
            if (outer) {
                code.emit(Opcode.CONST, matched, code.constant(Boolean.TRUE));
            }
            if (emitMatches) {
                sink.accept(combined);
            }
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
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
