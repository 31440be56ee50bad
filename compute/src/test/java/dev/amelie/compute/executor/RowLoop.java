package dev.amelie.compute.executor;

import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.RowSourceKind;

/**
 * The loop every hand-built test program has: advance a cursor, load its row into registers,
 * run a body, go round again. The body gets the loop's head, so "skip this row" is a jump there.
 */
final class RowLoop {
    private RowLoop() {}

    interface Body {
        void emit(CodeBuilder code, int cursor, int row, int loop);
    }

    /** Opens {@code source} and loops over its rows of {@code width} values. */
    static void over(CodeBuilder code, RowSourceKind source, int width, Body body) {
        int cursor = code.newCursor();
        code.emit(Opcode.OPEN, cursor, source.ordinal(), 0);
        over(code, cursor, width, body);
    }

    /** Loops over the rows of a cursor already opened (OPEN or LOOKUP). */
    static void over(CodeBuilder code, int cursor, int width, Body body) {
        CodeBuilder.Label end = code.newLabel();
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int row = code.newRegisters(Math.max(width, 1));
        for (int i = 0; i < width; i++) {
            code.emit(Opcode.COLUMN, row + i, cursor, i);
        }
        body.emit(code, cursor, row, loop);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
    }
}
