package dev.amelie.planner.ddl;

import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.CharacterType;
import dev.amelie.vm.type.SqlType;

/** PostgreSQL type names (and their aliases) for the column types we store. */
public final class TypeNames {
    private TypeNames() {}

    /** An optional {@code (p)}: fractional digits of seconds, accepted; values keep microseconds. */
    private static void precision(TokenStream in) {
        if (in.acceptSymbol("(")) {
            in.next();
            in.expectSymbol(")");
        }
    }

    /** float(p): real for 1…24 bits of precision, double precision for 25…53 and for float alone. */
    private static SqlType floatPrecision(TokenStream in) {
        if (!in.acceptSymbol("(")) {
            return SqlType.DOUBLE;
        }
        int bits = typmod(in.next().text());
        in.expectSymbol(")");
        if (bits < 1) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "precision for type float must be at least 1 bit");
        }
        if (bits > 53) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "precision for type float must be less than 54 bits");
        }
        return bits <= 24 ? SqlType.REAL : SqlType.DOUBLE;
    }

    /** {@code with time zone} is true, {@code without time zone} or nothing is false. */
    private static boolean withOrWithoutTimeZone(TokenStream in) {
        boolean with;
        if (in.acceptWord("with")) {
            with = true;
        } else if (in.acceptWord("without")) {
            with = false;
        } else {
            return false;
        }
        in.expectWord("time");
        in.expectWord("zone");
        return with;
    }

    public static SqlType parse(TokenStream in) {
        return parseColumnType(in).type();
    }

    /**
     * A column's type and its modifier: for numeric(p[, s]) precision and scale, for
     * varchar(n) and char(n) n in precision (-1: unconstrained), with which character type.
     */
    public record ColumnType(SqlType type, int precision, int scale, CharacterType character) {
        public ColumnType(SqlType type, int precision, int scale) {
            this(type, precision, scale, CharacterType.TEXT);
        }
    }

    public static ColumnType parseColumnType(TokenStream in) {
        int position = in.peek().position();
        String name = in.expectIdentifier();
        CharacterType character = CharacterType.TEXT;
        SqlType type = switch (name) {
            case "int", "integer", "int4" -> SqlType.INTEGER;
            case "bigint", "int8" -> SqlType.BIGINT;
            case "smallint", "int2" -> SqlType.SMALLINT;
            case "text" -> SqlType.TEXT;
            case "varchar" -> {
                character = CharacterType.VARCHAR;
                yield SqlType.TEXT;
            }
            case "character", "char", "bpchar" -> {
                character = !name.equals("bpchar") && in.acceptWord("varying") ? CharacterType.VARCHAR : CharacterType.BPCHAR;
                yield SqlType.TEXT;
            }
            case "name" -> {
                character = CharacterType.NAME;
                yield SqlType.TEXT;
            }
            case "boolean", "bool" -> SqlType.BOOLEAN;
            case "float8" -> SqlType.DOUBLE;
            case "real", "float4" -> SqlType.REAL;
            // float(n): real up to 24 bits of precision, double precision above (and without n).
            case "float" -> floatPrecision(in);
            case "double" -> {
                in.expectWord("precision");
                yield SqlType.DOUBLE;
            }
            case "numeric", "decimal" -> SqlType.NUMERIC;
            case "date" -> SqlType.DATE;
            case "uuid" -> SqlType.UUID;
            case "oid" -> SqlType.OID;
            case "bytea" -> SqlType.BYTEA;
            case "json" -> SqlType.JSON;
            case "jsonb" -> SqlType.JSONB;
            case "interval" -> {
                precision(in);
                yield SqlType.INTERVAL;
            }
            case "time" -> {
                precision(in);
                if (withOrWithoutTimeZone(in)) {
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "type time with time zone is not supported yet");
                }
                yield SqlType.TIME;
            }
            case "timestamptz" -> SqlType.TIMESTAMPTZ;
            case "timestamp" -> {
                precision(in);
                yield withOrWithoutTimeZone(in) ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP;
            }
            default -> throw new SqlException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
        };
        int precision = -1;
        int scale = -1;
        if (in.acceptSymbol("(")) {
            // time's and interval's fractional digits are read above; these are accepted and not applied.
            java.util.List<String> modifiers = new java.util.ArrayList<>();
            do {
                modifiers.add(in.acceptSymbol("-") ? "-" + in.next().text() : in.next().text());
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
            if (type == SqlType.NUMERIC) {
                precision = typmod(modifiers.get(0));
                scale = modifiers.size() > 1 ? typmod(modifiers.get(1)) : 0;
                if (precision < 1 || precision > 1000) {
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                            "NUMERIC precision " + precision + " must be between 1 and 1000", null, null, position, null);
                }
                // PostgreSQL 15 allows a scale above the precision and below zero.
                if (scale < -1000 || scale > 1000) {
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                            "NUMERIC scale " + scale + " must be between -1000 and 1000", null, null, position, null);
                }
            } else if (character != CharacterType.TEXT) {
                precision = characterLength(modifiers, name.equals("varchar") || character == CharacterType.VARCHAR
                        ? "varchar" : "char", position);
            }
        }
        if (character == CharacterType.BPCHAR && precision == -1 && !name.equals("bpchar")) {
            precision = 1; // char and character alone are char(1); bpchar alone has no length
        }
        if (in.peek().isSymbol("[") || in.peek().isWord("array")) {
            // int[], int[3], int array, int array[3]: one-dimensional arrays (sizes are not enforced, as in PostgreSQL).
            if (!in.acceptWord("array") || in.peek().isSymbol("[")) {
                in.expectSymbol("[");
                if (!in.acceptSymbol("]")) {
                    in.next();
                    in.expectSymbol("]");
                }
            }
            if (in.peek().isSymbol("[")) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported yet");
            }
            SqlType array = type.arrayOf();
            if (array == null) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "arrays of " + type.sqlName() + " are not supported yet");
            }
            return new ColumnType(array, -1, -1);
        }
        return new ColumnType(type, precision, scale, character);
    }

    /** n of varchar(n) or char(n), within PostgreSQL's bounds (varchar.c, anychar_typmodin). */
    private static int characterLength(java.util.List<String> modifiers, String typeName, int position) {
        if (modifiers.size() > 1) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "invalid type modifier", null, null, position, null);
        }
        int length = typmod(modifiers.get(0));
        if (length < 1) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "length for type " + typeName + " must be at least 1", null, null, position, null);
        }
        if (length > MAX_CHARACTER_LENGTH) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "length for type " + typeName + " cannot exceed " + MAX_CHARACTER_LENGTH, null, null, position, null);
        }
        return length;
    }

    /** MaxAttrSize: the longest n of varchar(n) and char(n). */
    private static final int MAX_CHARACTER_LENGTH = 10 * 1024 * 1024;

    private static int typmod(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + text + "\"");
        }
    }
}
