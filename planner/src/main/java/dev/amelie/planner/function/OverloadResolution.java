package dev.amelie.planner.function;

import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * PostgreSQL's choice among a function's signatures ("10.3. Functions", func_select_candidate),
 * for the types we have: keep the signatures every argument converts to implicitly, then those
 * with the most exact matches, then those with preferred types (double precision, text) where a
 * conversion is needed, then for untyped literals the string category or else the preferred
 * type. An argument of type {@link SqlType#UNKNOWN} is an untyped literal or NULL.
 */
public final class OverloadResolution {
    private OverloadResolution() {}

    static Signature resolve(List<Signature> signatures, SqlType[] arguments) {
        List<Signature> candidates = new ArrayList<>();
        for (Signature signature : signatures) {
            if (signature.accepts(arguments.length) && convertible(signature, arguments)) {
                candidates.add(signature);
            }
        }
        candidates = best(candidates, s -> count(s, arguments, (argument, parameter) -> argument == parameter));
        candidates = best(candidates, s -> count(s, arguments,
                (argument, parameter) -> argument != parameter && argument != SqlType.UNKNOWN && isPreferred(parameter)));
        for (int i = 0; i < arguments.length && candidates.size() > 1; i++) {
            if (arguments[i] == SqlType.UNKNOWN) {
                int position = i;
                candidates = best(candidates, s -> s.parameter(position) == SqlType.TEXT ? 1 : 0);
                candidates = best(candidates, s -> isPreferred(s.parameter(position)) ? 1 : 0);
            }
        }
        return candidates.isEmpty() ? null : candidates.getFirst();
    }

    /** Whether a value of type from converts implicitly to type to (pg_cast's implicit casts). */
    public static boolean implicitlyConvertible(SqlType from, SqlType to) {
        if (from == to || from == SqlType.UNKNOWN || to == SqlType.UNKNOWN) {
            return true;
        }
        return switch (from) {
            case SMALLINT -> to == SqlType.INTEGER || to == SqlType.BIGINT || to == SqlType.NUMERIC || to == SqlType.REAL
                    || to == SqlType.DOUBLE || to == SqlType.OID || to == SqlType.REGCLASS;
            case INTEGER -> to == SqlType.BIGINT || to == SqlType.NUMERIC || to == SqlType.REAL || to == SqlType.DOUBLE
                    || to == SqlType.OID || to == SqlType.REGCLASS;
            case BIGINT -> to == SqlType.NUMERIC || to == SqlType.REAL || to == SqlType.DOUBLE || to == SqlType.OID
                    || to == SqlType.REGCLASS;
            // oid and the reg* types are the same number (binary coercible); oid widens to bigint.
            case OID -> to == SqlType.REGCLASS || to == SqlType.BIGINT || to == SqlType.NUMERIC;
            case REGCLASS -> to == SqlType.OID;
            case NUMERIC -> to == SqlType.REAL || to == SqlType.DOUBLE;
            case REAL -> to == SqlType.DOUBLE;
            case DATE -> to == SqlType.TIMESTAMP || to == SqlType.TIMESTAMPTZ;
            case TIMESTAMP -> to == SqlType.TIMESTAMPTZ;
            default -> false;
        };
    }

    private static boolean convertible(Signature signature, SqlType[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null || !implicitlyConvertible(arguments[i], signature.parameter(i))) {
                return false;
            }
        }
        return true;
    }

    /** The preferred type of its category (typispreferred): double precision, text, timestamptz. */
    private static boolean isPreferred(SqlType type) {
        return type == SqlType.DOUBLE || type == SqlType.TEXT || type == SqlType.TIMESTAMPTZ;
    }

    private interface Match {
        boolean test(SqlType argument, SqlType parameter);
    }

    private static int count(Signature signature, SqlType[] arguments, Match match) {
        int n = 0;
        for (int i = 0; i < arguments.length; i++) {
            if (match.test(arguments[i], signature.parameter(i))) {
                n++;
            }
        }
        return n;
    }

    private static List<Signature> best(List<Signature> candidates, ToIntFunction<Signature> score) {
        if (candidates.size() < 2) {
            return candidates;
        }
        int max = candidates.stream().mapToInt(score).max().orElse(0);
        return candidates.stream().filter(s -> score.applyAsInt(s) == max).toList();
    }

    /**
     * The common type of GREATEST/LEAST's arguments (select_common_type): untyped literals take
     * the others' type (text if all are untyped); numbers widen to the widest of them; dates to
     * timestamps. Null when the types cannot be matched.
     */
    public static SqlType commonType(SqlType[] arguments) {
        SqlType common = null;
        for (SqlType argument : arguments) {
            if (argument == null) {
                return null;
            }
            if (argument == SqlType.UNKNOWN) {
                continue;
            }
            if (common == null || implicitlyConvertible(common, argument)) {
                common = argument;
            } else if (!implicitlyConvertible(argument, common)) {
                return null;
            }
        }
        return common == null ? SqlType.TEXT : common;
    }
}
