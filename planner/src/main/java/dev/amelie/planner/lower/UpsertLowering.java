package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;

/**
 * The pushdown of INSERT … ON CONFLICT, on the node that owns each routed row's key:
 * <pre>
 * for each routed row (EXCLUDED):
 *   DO NOTHING: insert it unless its key exists
 *   DO UPDATE:  insert it unless its key exists; otherwise look the existing row up, and if
 *               the WHERE condition holds, replace it by the SET values over (existing, EXCLUDED)
 * </pre>
 * Both the check and the change happen in one step on the owning node, so no other
 * transaction comes between them.
 */
final class UpsertLowering {

    private UpsertLowering() {
    }

    static Code pushdown(TableDef def, ConflictAction action, TableChecks checks) {
        CodeBuilder code = new CodeBuilder();
        int input = code.newCursor();
        code.emit(Opcode.OPEN, input, RowSourceKind.INPUT.ordinal(), 0);
        CodeBuilder.Label end = code.newLabel();
        CodeBuilder.Label loop = code.newLabel();
        code.place(loop);
        code.emitJump(Opcode.NEXT, input, 0, 0, 2, end);
        int width = def.storedWidth();
        int proposed = code.loadRow(input, width)[0];
        int inserted = code.newRegisters(1);
        // PostgreSQL checks the proposed row before it looks for a conflict (ExecInsert).
        CheckLowering.emit(code, checks, proposed);
        if (!action.update()) {
            code.emit(Opcode.INSERT_IF_ABSENT, proposed, width, inserted);
            code.emitJump(Opcode.JUMP, 0, 0, 0, 1, loop);
            code.place(end);
            return code.build();
        }
        code.emit(Opcode.INSERT_OR_CONFLICT, proposed, width, inserted);
        code.emitJump(Opcode.JUMP_TRUE, inserted, 0, 0, 2, loop);

        int[] primaryKey = def.primaryKey();
        int key = code.newRegisters(primaryKey.length);
        for (int k = 0; k < primaryKey.length; k++) {
            code.emit(Opcode.COPY, key + k, proposed + primaryKey[k]);
        }
        int existingCursor = code.newCursor();
        code.emit(Opcode.LOOKUP, existingCursor, key, primaryKey.length);
        code.emitJump(Opcode.NEXT, existingCursor, 0, 0, 2, loop);
        int existing = code.loadRow(existingCursor, width)[0];
        int[] both = new int[width * 2];
        for (int i = 0; i < width; i++) {
            both[i] = existing + i;
            both[width + i] = proposed + i;
        }
        ExpressionLowering expressions = new ExpressionLowering(code, action.rexBuilder(), new int[0]);
        if (action.where() != null) {
            int condition = expressions.lower(action.where(), both);
            code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, loop);
        }
        int[] newRow = new int[width];
        for (int i = 0; i < width; i++) {
            newRow[i] = existing + i;
        }
        for (int s = 0; s < action.columns().length; s++) {
            int column = action.columns()[s];
            int value = expressions.lower(action.values().get(s), both);
            var from = TypeMapping.fromCalcite(action.values().get(s).getType());
            var to = def.columns().get(column).type();
            newRow[column] = from == to ? value : expressions.castRegister(value, to);
        }
        int updated = code.newRegisters(width);
        for (int i = 0; i < width; i++) {
            code.emit(Opcode.COPY, updated + i, newRow[i]);
        }
        CheckLowering.emit(code, checks, updated);
        code.emit(Opcode.UPDATE, existingCursor, updated, width);
        code.emitJump(Opcode.JUMP, 0, 0, 0, 1, loop);
        code.place(end);
        return code.build();
    }
}
