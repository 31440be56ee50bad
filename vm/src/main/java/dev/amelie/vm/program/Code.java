package dev.amelie.vm.program;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One section of bytecode: instructions (four ints each, see {@link Opcode}), its constant
 * pool, and how many registers and cursors a frame for it needs. Immutable and shared between
 * threads once built.
 */
public record Code(int[] code, Object[] constants, int registers, int cursors, Set<Function> calledFunctions,
                   int calledAreas) {

    /**
     * {@code calledFunctions} is derived: the {@link Function}s some CALL instruction calls (a set,
     * not a bit mask: there are more functions than a long has bits); so is {@code calledAreas},
     * their {@link Function.Area}s as bits by ordinal (asked for every statement a session sends).
     */
    public Code(int[] code, Object[] constants, int registers, int cursors) {
        this(code, constants, registers, cursors, calledFunctions(code));
    }

    private Code(int[] code, Object[] constants, int registers, int cursors, Set<Function> calledFunctions) {
        this(code, constants, registers, cursors, calledFunctions, areasOf(calledFunctions));
    }

    private static int areasOf(Set<Function> functions) {
        int areas = 0;
        for (Function function : functions) {
            areas |= 1 << function.area().ordinal();
        }
        return areas;
    }

    /** True when some instruction calls a function of this area. */
    public boolean callsIn(Function.Area area) {
        return (calledAreas & (1 << area.ordinal())) != 0;
    }

    private static Set<Function> calledFunctions(int[] code) {
        EnumSet<Function> called = EnumSet.noneOf(Function.class);
        for (int at = 0; at < code.length; at += 4) {
            if (Opcode.of(code[at] & 0xffff) == Opcode.CALL) {
                called.add(Function.of(code[at + 2] >>> 8));
            }
        }
        return Collections.unmodifiableSet(called);
    }

    public int instructionCount() {
        return code.length / 4;
    }

    /** True when some instruction calls this function. */
    public boolean calls(Function function) {
        return calledFunctions.contains(function);
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
