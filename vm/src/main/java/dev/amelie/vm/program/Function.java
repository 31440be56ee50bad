package dev.amelie.vm.program;

/**
 * Built-in scalar functions reachable through {@link Opcode#CALL}. The CALL instruction packs
 * the function ordinal and the argument count into one operand: {@code ordinal << 8 | count}.
 */
public enum Function {
    LOWER, UPPER, LENGTH, ABS, COALESCE,
    /** now(), CURRENT_TIMESTAMP: the transaction's start, the same for all its statements and replays. */
    NOW,
    /** random(): from the statement's own seeded sequence, so that a replay draws the same numbers. */
    RANDOM,
    /** nextval(name), currval(name), setval(name, value[, called]): values a replay gets again. */
    NEXTVAL, CURRVAL, SETVAL,
    /** extract(field from value) / date_part: numeric. */
    EXTRACT;

    private static final Function[] VALUES = values();

    public static Function of(int ordinal) {
        return VALUES[ordinal];
    }

    public static int pack(Function function, int argumentCount) {
        return function.ordinal() << 8 | argumentCount;
    }
}
