package dev.amelie.planner.ddl;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE SEQUENCE and DROP SEQUENCE (PostgreSQL 15 grammar), with PostgreSQL's defaults and its
 * checks of the bounds (sequence.c init_params).
 */
public final class SequenceParser {
    private SequenceParser() {}

    /** After CREATE: SEQUENCE [IF NOT EXISTS] name [options]. */
    static PlannedStatement parseCreate(TokenStream in) {
        in.expectWord("sequence");
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        PlannedStatement.QualifiedName name = DdlParser.qualifiedName(in);
        long typeMax = Long.MAX_VALUE;
        long typeMin = Long.MIN_VALUE;
        Long increment = null;
        Long min = null;
        Long max = null;
        Long start = null;
        boolean cycle = false;
        while (!in.atEnd()) {
            if (in.acceptWord("as")) {
                String type = in.expectIdentifier().toLowerCase(Locale.ROOT);
                switch (type) {
                    case "smallint", "int2" -> {
                        typeMax = Short.MAX_VALUE;
                        typeMin = Short.MIN_VALUE;
                    }
                    case "integer", "int", "int4" -> {
                        typeMax = Integer.MAX_VALUE;
                        typeMin = Integer.MIN_VALUE;
                    }
                    case "bigint", "int8" -> {
                    }
                    default -> throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                            "sequence type must be smallint, integer, or bigint");
                }
            } else if (in.acceptWord("increment")) {
                in.acceptWord("by");
                increment = number(in);
            } else if (in.acceptWord("minvalue")) {
                min = number(in);
            } else if (in.acceptWord("maxvalue")) {
                max = number(in);
            } else if (in.acceptWord("start")) {
                in.acceptWord("with");
                start = number(in);
            } else if (in.acceptWord("cache")) {
                number(in); // every value is handed out from memory anyway
            } else if (in.acceptWord("cycle")) {
                cycle = true;
            } else if (in.acceptWord("no")) {
                if (in.acceptWord("cycle")) {
                    cycle = false;
                } else if (!in.acceptWord("minvalue") && !in.acceptWord("maxvalue")) {
                    throw in.syntaxError();
                }
            } else if (in.acceptWord("owned")) {
                in.expectWord("by");
                in.next();
                while (in.acceptSymbol(".")) {
                    in.next();
                }
            } else {
                throw in.syntaxError();
            }
        }
        long step = increment == null ? 1 : increment;
        if (step == 0) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
        }
        long lower = min != null ? min : step > 0 ? 1 : typeMin;
        long upper = max != null ? max : step > 0 ? typeMax : -1;
        if (lower < typeMin || upper > typeMax) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, (lower < typeMin ? "MINVALUE (" + lower : "MAXVALUE (" + upper)
                    + ") is out of range for sequence data type " + (typeMax == Long.MAX_VALUE ? "bigint" : typeMax == Integer.MAX_VALUE ? "integer" : "smallint"));
        }
        if (lower >= upper) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "MINVALUE (" + lower + ") must be less than MAXVALUE (" + upper + ")");
        }
        long first = start != null ? start : step > 0 ? lower : upper;
        if (first < lower) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "START value (" + first + ") cannot be less than MINVALUE (" + lower + ")");
        }
        if (first > upper) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "START value (" + first + ") cannot be greater than MAXVALUE (" + upper + ")");
        }
        return new PlannedStatement.CreateSequence(name.schema(), name.name(), step, lower, upper, first, cycle, ifNotExists);
    }

    /** After DROP: SEQUENCE [IF EXISTS] name [, …] [CASCADE | RESTRICT]. */
    static PlannedStatement parseDrop(TokenStream in) {
        boolean ifExists = in.acceptWords("if", "exists");
        List<PlannedStatement.QualifiedName> names = DdlParser.dropNames(in);
        return new PlannedStatement.DropSequence(names, ifExists);
    }

    private static long number(TokenStream in) {
        boolean negative = in.acceptSymbol("-");
        if (!negative) {
            in.acceptSymbol("+");
        }
        String text = in.next().text();
        try {
            long value = Long.parseLong(text);
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw in.syntaxError();
        }
    }
}
