package dev.amelie.vm.program;

/**
 * The register machine's instruction set. Every instruction is four ints in {@link Code#code()}:
 * the opcode word and three operands (unused operands are 0). The opcode word is the ordinal in
 * its lower 16 bits; arithmetic keeps its result {@link dev.amelie.vm.type.SqlType} ordinal in
 * the upper 16 bits. Operands named r, a, b are
 * register numbers; c is a cursor number; k a constant index; t a jump target (instruction
 * index, not int offset); n a count of consecutive registers.
 */
public enum Opcode {
    /** r ← constants[k]. */
    CONST,
    /** r ← parameters[a] (the statement's $n, 0-based). */
    PARAM,
    /** r ← register a. */
    COPY,

    /** cursor a ← every row of source b ({@link RowSourceKind} ordinal); c is the row set of a SCRATCH source. */
    OPEN,
    /** cursor a ← the row whose key is registers b..b+c-1 in this partition (zero or one row). */
LOOKUP,
    /**
     * cursor a ← the rows of this partition whose indexed columns equal registers b..b+n-1,
     * through the secondary index named by the {@link IndexRef} in constants[c] (n = its width).
     */
    INDEX_LOOKUP,
    /**
     * cursor a ← the row whose key is registers b..b+n-1 in the same node's partition of another
     * table, the {@link TableKeyRef} in constants[c] (n = its width): a join of two tables on both
     * their primary keys finds the matching rows on the node that holds them.
     */
    LOOKUP_IN,
    /** Advance cursor a; when it has no more rows jump to b. */
    NEXT,
    /** r ← column b of cursor a's current row. */
    COLUMN,

    /** r ← a op b in the result type carried by the opcode word. */
    ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO,
    /** r ← -a. */
    NEGATE,
    /** r ← a || b (text concatenation). */
    CONCAT,
    EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
    /** r ← a IS NOT DISTINCT FROM b: equality where NULL equals NULL (never null). */
    NOT_DISTINCT,
    /** Three-valued AND / OR / NOT. */
    AND, OR, NOT,
    /** r ← a IS NULL / a IS NOT NULL. */
    IS_NULL, IS_NOT_NULL,
    /** r ← a IS TRUE / IS FALSE (never null). */
    IS_TRUE, IS_FALSE,
    /** r ← a converted to the {@link dev.amelie.vm.type.SqlType} with ordinal b. */
    CAST,
    /** r ← function applied to registers c..; b packs the {@link Function} and argument count. */
    CALL,

    /** Jump to a. */
    JUMP,
    /** Jump to b when register a is false or null. */
    JUMP_FALSE,
    /** Jump to b when register a is true. */
    JUMP_TRUE,

    /** Append registers a..a+b-1 as a row to row set c (0 = the section's output). */
    EMIT,
    /** Sort row set a by the {@link SortKey}[] in constants[b]. */
    SORT,
    /** Keep rows [offset, offset+count) of row set a; offset in register b, count in register c (null = all). */
    LIMIT,
    /** Index row set a by the columns int[] constants[b], for HASH_PROBE (an equi-join's build side). */
    HASH_BUILD,
    /** cursor a ← the rows of the row set hashed as constants[b] ({@link HashProbe}) whose key equals registers c.. */
    HASH_PROBE,
    /** Empty row set a (a correlated subquery's scratch rows, before its next run). */
    CLEAR,

    /** r ← r + 1 (r holds a Long; aggregate count). */
    COUNT,
    /** r ← r + 1 when register a is not null. */
    COUNT_VALUE,
    /** r ← r + a, ignoring nulls (r null until the first non-null). */
    SUM,
    /** r ← min(r, a) / max(r, a), ignoring nulls. */
    MIN, MAX,
    /**
     * string_agg: r ← r || c || a, ignoring NULL values (r NULL until the first); a NULL
     * delimiter joins with nothing, as PostgreSQL.
     */
    STRING_AGG,

    /**
     * array_agg, json_agg, jsonb_agg: appends r[b] (NULL too) to the list in r[a], made when r[a]
     * is null; a function makes the result of the list when the group ends.
     */
    COLLECT,

    /** Insert registers a..a+b-1 as a new row into this partition. */
    INSERT,
    /**
     * ON CONFLICT DO NOTHING: insert registers a..a+b-1 unless a row with its key exists;
     * r[c] ← whether it was inserted.
     */
    INSERT_IF_ABSENT,
    /**
     * ON CONFLICT DO UPDATE: as {@link #INSERT_IF_ABSENT}, but a key this statement already
     * inserted or updated is an error (a row must not be affected twice).
     */
    INSERT_OR_CONFLICT,
    /** Replace cursor a's current row with registers b..b+c-1. */
    UPDATE,
    /** Delete cursor a's current row. */
    DELETE,

    /**
     * Fail the statement with the {@link dev.amelie.vm.error.SqlState} in constants[a] and the
     * message in constants[b] (a scalar subquery that returned a second row).
     */
    RAISE,
    /**
     * A CHECK constraint: unless r[a] is FALSE (TRUE and NULL pass), go on; otherwise fail with
     * 23514 for the {@link CheckSpec} in constants[b], the new row in registers c…
     */
    CHECK,
    /**
     * Fit registers a… (a new row of the statement's table) to its columns' type modifiers, as
     * storing the row does: CHECK constraints see the values that will be stored.
     */
    FIT_ROW,

    /** r[a] = r[a] AND (c = 0) / OR (1) / XOR (2) r[b], bitwise, NULLs skipped (bit_and, bit_or, bit_xor). */
    BIT_AGG,
    /** Add r[b] to the variance state in r[a] (var_pop … stddev_samp); NULLs are skipped. */
    VARIANCE_ADD,
    /** r[a] = the result of the variance state r[b]: var_pop (c = 0), var_samp (1), stddev_pop (2), stddev_samp (3). */
    VARIANCE_RESULT,

    /** INTERSECT ALL (c = 0) or EXCEPT ALL (c = 1) of row sets a and b, into a. */
    MULTISET,

    /**
     * WITH RECURSIVE … UNION (without ALL): keep in row set a only the rows not seen before,
     * each once; the rows seen so far live in register b (made when null), which takes them in.
     */
    NEW_ROWS,
    /**
     * The next turn of a recursive query: row set a (the working table) ← the rows of row set b
     * (what the last turn produced), b emptied; jump to c when a is then empty (the recursion
     * ends).
     */
    ITERATE,
    /**
     * A LIMIT over rows as they stream by (it can end a recursive query that would never end):
     * validate offset r[b] and count r[c] as {@link #LIMIT} does, then registers a..a+3 ←
     * rows seen (0), offset, offset + count, and whether to keep the current row.
     */
    LIMIT_START,
    /**
     * One row through the streaming LIMIT in registers a..a+3 (see {@link #LIMIT_START}): jump
     * to b when the limit has all its rows; else count the row and set r[a+3] to whether it is
     * past the offset.
     */
    TAKE,

    /** Evaluate the window functions of {@link WindowSpec} constants[b] over row set a, extending its rows. */
    WINDOW,

    /** Stop this section. */
    RETURN;

    private static final Opcode[] VALUES = values();

    public static Opcode of(int ordinal) {
        return VALUES[ordinal];
    }
}
