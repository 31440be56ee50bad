package dev.amelie.vm.program;

import java.util.Arrays;

/**
 * One section of bytecode: instructions (four ints each, see {@link Opcode}), its constant
 * pool, and how many registers and cursors a frame for it needs. Immutable and shared between
 * threads once built.
 */
public record Code(int[] code, Object[] constants, int registers, int cursors, long calledFunctions) {

    /** {@code calledFunctions} is derived: one bit per {@link Function} some CALL instruction calls. */
    public Code(int[] code, Object[] constants, int registers, int cursors) {
        this(code, constants, registers, cursors, calledFunctions(code));
    }

    private static long calledFunctions(int[] code) {
        long mask = 0;
        for (int at = 0; at < code.length; at += 4) {
            if (Opcode.of(code[at] & 0xffff) == Opcode.CALL) {
                mask |= 1L << (code[at + 2] >>> 8);
            }
        }
        return mask;
    }

    public int instructionCount() {
        return code.length / 4;
    }

    /** True when some instruction calls this function. */
    public boolean calls(Function function) {
        return (calledFunctions & 1L << function.ordinal()) != 0;
    }

    /** Human-readable listing, one instruction per line (for EXPLAIN and tests). */
    public String disassemble() {
        StringBuilder out = new StringBuilder();
        for (int pc = 0; pc < instructionCount(); pc++) {
            int at = pc * 4;
            out.append(String.format("%3d %-16s %d %d %d", pc, Opcode.of(code[at] & 0xffff), code[at + 1], code[at + 2], code[at + 3]));
            if (Opcode.of(code[at] & 0xffff) == Opcode.CONST) {
                Object constant = constants[code[at + 2]];
                out.append("   ; ").append(constant instanceof Object[] array ? Arrays.toString(array) : constant);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
