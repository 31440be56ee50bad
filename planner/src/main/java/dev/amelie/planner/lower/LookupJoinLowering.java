package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.CalciteTable;
import dev.amelie.planner.catalog.SystemView;
import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.List;
import java.util.Map;

/**
 * An inner join whose one side is a table read by its whole primary key: the other side (the
 * outer) runs first as a source program, and every compute node looks each outer row's key up
 * in its partition of the table, joining the row it finds: an index nested loop on the nodes
 * instead of gathering the whole table to the host for a hash join. The outer rows go to every
 * node (they are shared, not copied) and a node finds only the keys it owns, so each joined
 * row is made once. The host then merges the joined rows as the join's output.
 *
 * <p>Chosen by rule, not by estimated cost (there are no statistics): a key lookup per outer row
 * never reads more of the table than a scan does. When both sides are read by their key, the
 * one with a filter is the outer (it has fewer rows), else the right side is looked up.
 * Outer joins keep the host's hash join: a node cannot tell that another node found no row.
 */
final class LookupJoinLowering {
    /** The table looked up ({@code scan}, under {@code filter} if any), on side {@code inner} (0 left, 1 right). */
    record Match(int inner, TableScan scan, Filter filter, int[] outerKeyFields) {}

    private LookupJoinLowering() {}

    static Match match(Join join) {
        if (join.getJoinType() != JoinRelType.INNER) {
            return null;
        }
        JoinInfo info = join.analyzeCondition();
        if (info.leftKeys.isEmpty()) {
            return null;
        }
        Match right = side(join, 1, info.rightKeys, info.leftKeys);
        Match left = side(join, 0, info.leftKeys, info.rightKeys);
        if (right != null && left != null) {
            return right.filter() != null && left.filter() == null ? left : right;
        }
        return right != null ? right : left;
    }

    /** Side {@code inner} as the looked-up table when its join keys cover its primary key. */
    private static Match side(Join join, int inner, List<Integer> innerKeys, List<Integer> outerKeys) {
        RelNode input = join.getInput(inner);
        Filter filter = null;
        if (input instanceof Filter f && f.getInput() instanceof TableScan) {
            filter = f;
            input = f.getInput();
        }
        if (!(input instanceof TableScan scan)) {
            return null;
        }
        CalciteTable table = scan.getTable().unwrap(CalciteTable.class);
        if (table == null || SystemView.of(table.def()) != null || !table.def().hasPrimaryKey()) {
            return null;
        }
        int[] primaryKey = table.def().primaryKey();
        int[] outerFields = new int[primaryKey.length];
        for (int k = 0; k < primaryKey.length; k++) {
            int at = innerKeys.indexOf(primaryKey[k]);
            if (at < 0) {
                return null;
            }
            outerFields[k] = outerKeys.get(at);
        }
        return new Match(inner, scan, filter, outerFields);
    }

    /**
     * The join as a program over the inner table: source 0 is the outer side; the pushdown looks
     * its rows up; the merge passes the joined rows on (left columns, then right, as the join's).
     */
    static Program lower(Join join, Match match, int[] occurrenceToParameter) {
        RelNode outer = join.getInput(1 - match.inner());
        Program outerProgram = ProgramLowering.lower(outer, occurrenceToParameter);
        SectionLowering node = new SectionLowering(SectionKind.PUSHDOWN, null, join, occurrenceToParameter, Map.of(outer, 0));
        CodeBuilder code = node.code();
        TableDef def = match.scan().getTable().unwrap(CalciteTable.class).def();
        List<RelDataTypeField> outerFields = outer.getRowType().getFieldList();
        int innerWidth = match.scan().getRowType().getFieldCount();
        node.produce(outer, outerRow -> {
            int[] key = new int[match.outerKeyFields().length];
            for (int k = 0; k < key.length; k++) {
                int field = match.outerKeyFields()[k];
                SqlType from = TypeMapping.fromCalcite(outerFields.get(field).getType());
                SqlType to = def.columns().get(def.primaryKey()[k]).type();
                key[k] = from == to ? outerRow[field] : node.expressions().castRegister(outerRow[field], to);
            }
            int cursor = code.newCursor();
            code.emit(Opcode.LOOKUP, cursor, node.consecutive(key), key.length);
            CodeBuilder.Label none = code.newLabel();
            code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, none);
            int[] innerRow = code.loadRow(cursor, innerWidth);
            if (match.filter() != null) {
                int kept = node.expressions().lower(match.filter().getCondition(), innerRow);
                code.emitJump(Opcode.JUMP_FALSE, kept, 0, 0, 2, none);
            }
            int[] joined = match.inner() == 1 ? concat(outerRow, innerRow) : concat(innerRow, outerRow);
            // The whole condition once more over the joined row: its equalities beyond the key and the rest.
            int condition = node.expressions().lower(join.getCondition(), joined);
            code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, none);
            node.emit(joined, 0);
            code.place(none);
        });
        CodeBuilder merge = new CodeBuilder();
        int width = join.getRowType().getFieldCount();
        int cursor = merge.newCursor();
        merge.emit(Opcode.OPEN, cursor, RowSourceKind.INPUT.ordinal(), 0);
        CodeBuilder.Label end = merge.newLabel();
        int loop = merge.position();
        merge.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        merge.emit(Opcode.EMIT, merge.loadRow(cursor, width)[0], width, 0);
        merge.emit(Opcode.JUMP, loop);
        merge.place(end);
        return new Program(Program.StatementKind.SELECT, def.id(), Program.Routing.ALL, null, code.build(), merge.build(),
                List.of(outerProgram));
    }

    private static int[] concat(int[] first, int[] second) {
        int[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
