package dev.amelie.planner.ddl;

import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
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
        String name = in.expectIdentifier();
        SqlType type = switch (name) {
            case "int", "integer", "int4" -> SqlType.INTEGER;
            case "bigint", "int8" -> SqlType.BIGINT;
            case "smallint", "int2" -> SqlType.SMALLINT;
            case "text" -> SqlType.TEXT;
            case "varchar" -> SqlType.TEXT;
            case "character" -> {
                in.acceptWord("varying");
                yield SqlType.TEXT;
            }
            case "char", "bpchar" -> SqlType.TEXT;
            case "boolean", "bool" -> SqlType.BOOLEAN;
            // float(n) with n > 24 and float are double precision; real/float4 are stored as
            // double precision for now (single precision is not a type of ours yet).
            case "float8", "float", "real", "float4" -> SqlType.DOUBLE;
            case "double" -> {
                in.expectWord("precision");
                yield SqlType.DOUBLE;
            }
            case "numeric", "decimal" -> SqlType.NUMERIC;
            case "date" -> SqlType.DATE;
            case "timestamptz" -> SqlType.TIMESTAMPTZ;
            case "timestamp" -> {
                precision(in);
                yield withOrWithoutTimeZone(in) ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP;
            }
            default -> throw new SqlException(SqlState.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
        };
        if (in.acceptSymbol("(")) {
            // Length and precision modifiers are accepted; lengths are not enforced yet.
            do {
                in.next();
            } while (in.acceptSymbol(","));
            in.expectSymbol(")");
        }
        if (in.peek().isSymbol("[")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "array types are not supported yet");
        }
        return type;
    }
}
