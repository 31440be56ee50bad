package dev.amelie.vm.type;

/**
 * Which of PostgreSQL's character types a {@link SqlType#TEXT} column or cast result was
 * declared as. All three hold Strings; they differ in their length modifier and, for
 * {@code character}, in trailing blanks (see {@link dev.amelie.vm.value.TypeModifiers}).
 *
 * <p>Column types are logged by ordinal: never reorder.
 */
public enum CharacterType {
    TEXT("text"),
    /** varchar(n), character varying(n): at most n characters; no n: any length. */
    VARCHAR("character varying"),
    /** char(n), character(n), bpchar: blank-padded to n characters; char alone is char(1). */
    BPCHAR("character"),
    /** name: an identifier of at most 63 bytes (NAMEDATALEN - 1); longer input is cut, never an error. */
    NAME("name");

    private final String sqlName;

    CharacterType(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name PostgreSQL uses in messages and format_type. */
    public String sqlName() {
        return sqlName;
    }
}
