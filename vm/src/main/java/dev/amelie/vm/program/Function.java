package dev.amelie.vm.program;

/**
 * Built-in scalar functions reachable through {@link Opcode#CALL}. The CALL instruction packs
 * the function ordinal and the argument count into one operand: {@code ordinal << 8 | count}.
 */
public enum Function {
    LOWER, UPPER, LENGTH, ABS, COALESCE;

    private static final Function[] VALUES = values();

    public static Function of(int ordinal) {
        return VALUES[ordinal];
    }

    public static int pack(Function function, int argumentCount) {
        return function.ordinal() << 8 | argumentCount;
    }
}
