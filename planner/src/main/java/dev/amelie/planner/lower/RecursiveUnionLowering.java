package dev.amelie.planner.lower;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.List;

/**
 * WITH RECURSIVE, which Calcite plans as a {@link RepeatUnion} of the non-recursive term (seed)
 * and the recursive term, whose scans of the query's own name read a transient table. Lowered
 * into a host section as PostgreSQL runs it (nodeRecursiveunion.c): the seed's rows fill the
 * working table; then, turn after turn, the working table's rows go to the consumer and the
 * recursive term runs over them, its rows becoming the next working table, until a turn
 * produces none. UNION (not ALL) drops every row produced before, by any turn. Real tables read
 * in the recursive term come from source programs, run once before the section.
 */
final class RecursiveUnionLowering {
    private final SectionLowering section;
    private final CodeBuilder code;

    RecursiveUnionLowering(SectionLowering section) {
        this.section = section;
        this.code = section.code();
    }

    void lower(RepeatUnion union, RowSink sink) {
        List<RelDataTypeField> fields = union.getRowType().getFieldList();
        int working = section.newRowSet();
        int produced = section.newRowSet();
        // The query may run more than once (inside another recursion's turn, a correlated
        // subquery): each run starts from nothing.
        code.emit(Opcode.CLEAR, working);
        code.emit(Opcode.CLEAR, produced);
        int seen = union.all ? -1 : code.loadConstant(null);
        section.produce(union.getSeedRel(), row -> section.emit(typed(row, union.getSeedRel(), fields), working));
        if (!union.all) {
            code.emit(Opcode.NEW_ROWS, working, seen);
        }
        CodeBuilder.Label end = code.newLabel();
        int turn = code.position();
        section.scanRows(RowSourceKind.SCRATCH, working, fields.size(), sink);
        int firstOfTurn = section.peekRowSet();
        section.withWorkingTable(union.getTransientTable().getQualifiedName(), working, () ->
                section.produce(union.getIterativeRel(), row -> section.emit(typed(row, union.getIterativeRel(), fields), produced)));
        // Sorts and join inputs of the recursive term start empty on every turn.
        section.clearRowSetsFrom(firstOfTurn);
        if (!union.all) {
            code.emit(Opcode.NEW_ROWS, produced, seen);
        }
        code.emitJump(Opcode.ITERATE, working, produced, 0, 3, end);
        code.emit(Opcode.JUMP, turn);
        code.place(end);
    }

    /** A term's row in the query's column types (the recursive term's may be narrower: bigint query, int term). */
    private int[] typed(int[] row, RelNode term, List<RelDataTypeField> fields) {
        List<RelDataTypeField> termFields = term.getRowType().getFieldList();
        int[] typed = new int[row.length];
        for (int i = 0; i < row.length; i++) {
            SqlType from = TypeMapping.fromCalcite(termFields.get(i).getType());
            SqlType to = TypeMapping.fromCalcite(fields.get(i).getType());
            typed[i] = from == to ? row[i] : section.expressions().castRegister(row[i], to);
        }
        return typed;
    }
}
