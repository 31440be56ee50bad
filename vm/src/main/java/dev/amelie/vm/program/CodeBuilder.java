package dev.amelie.vm.program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Emits instructions for one {@link Code} section. Registers and cursors are allocated
 * upwards and never reused, which keeps the lowering simple; sections are small.
 * Forward jumps use labels patched by {@link #place(Label)}.
 */
public final class CodeBuilder {
    private int[] code = new int[64];
    private int size;
    private final List<Object> constants = new ArrayList<>();
    private int registers;
    private int cursors;

    /** A jump target, placed once; jumps emitted before placement are patched. */
    public static final class Label {
        private int target = -1;
        private final List<Integer> patchSites = new ArrayList<>();
    }

    public int newRegister() {
        return registers++;
    }

    /** n consecutive registers; returns the first. */
    public int newRegisters(int n) {
        int first = registers;
        registers += n;
        return first;
    }

    public int newCursor() {
        return cursors++;
    }

    public int constant(Object value) {
        constants.add(value);
        return constants.size() - 1;
    }

    public Label newLabel() {
        return new Label();
    }

    /** The index the next instruction will get. */
    public int position() {
        return size / 4;
    }

    public void place(Label label) {
        label.target = position();
        for (int site : label.patchSites) {
            code[site] = label.target;
        }
        label.patchSites.clear();
    }

    public void emit(Opcode op, int a, int b, int c) {
        if (size + 4 > code.length) {
            code = Arrays.copyOf(code, code.length * 2);
        }
        code[size] = op.ordinal();
        code[size + 1] = a;
        code[size + 2] = b;
        code[size + 3] = c;
        size += 4;
    }

    /** An instruction whose opcode word also carries a result type (arithmetic). */
    public void emitTyped(Opcode op, dev.amelie.vm.type.SqlType type, int a, int b, int c) {
        emit(op, a, b, c);
        code[size - 4] |= type.ordinal() << 16;
    }

    public void emit(Opcode op, int a, int b) {
        emit(op, a, b, 0);
    }

    public void emit(Opcode op, int a) {
        emit(op, a, 0, 0);
    }

    /** Emits op with operand {@code operand} (1..3) naming the label's target. */
    public void emitJump(Opcode op, int a, int b, int c, int operand, Label label) {
        emit(op, a, b, c);
        int site = size - 4 + operand;
        if (label.target >= 0) {
            code[site] = label.target;
        } else {
            label.patchSites.add(site);
        }
    }

    /**
     * Loads the cursor's current row into new consecutive registers (COLUMN 0 … width-1);
     * returns them, in column order.
     */
    public int[] loadRow(int cursor, int width) {
        int first = newRegisters(Math.max(width, 1));
        int[] row = new int[width];
        for (int i = 0; i < width; i++) {
            row[i] = first + i;
            emit(Opcode.COLUMN, first + i, cursor, i);
        }
        return row;
    }

    /** r ← constant value. */
    public int loadConstant(Object value) {
        int r = newRegister();
        emit(Opcode.CONST, r, constant(value));
        return r;
    }

    public Code build() {
        emit(Opcode.RETURN, 0);
        return new Code(Arrays.copyOf(code, size), constants.toArray(), Math.max(registers, 1), cursors);
    }
}
