package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.Locale;
import java.util.Set;

/**
 * {@code expr COLLATE collation} and a column's COLLATE. The database's one locale is C, so the
 * collations there are, C, POSIX, ucs_basic and default, all compare text bytewise: the clause
 * changes no result. It is checked as PostgreSQL checks it: the name must be one of these,
 * spelled exactly (42704 otherwise), and the operand of a collatable type, which
 * {@link #FUNCTION} (text to text) makes the validator see ("collations are not supported by
 * type integer"). An untyped string constant keeps its clause-free self, so that
 * {@code '10' COLLATE "C" - 1} is 9 as in PostgreSQL.
 */
public final class Collations {
    private Collations() {}

    /** The call a non-constant operand is wrapped in (FunctionCatalog). */
    public static final String FUNCTION = "collate_op";

    private static final Set<String> NAMES = Set.of("C", "POSIX", "ucs_basic", "default");

    static boolean mayContain(String sql) {
        return sql.toLowerCase(Locale.ROOT).contains("collate");
    }

    /**
     * The end of a COLLATE clause starting at {@code i} (the word COLLATE, then a name, quoted
     * or not, perhaps qualified by pg_catalog), or -1 when none starts there.
     */
    static int clauseEnd(String sql, int i) {
        if (!sql.regionMatches(true, i, "collate", 0, 7) || i > 0 && SqlLexer.isIdentifierPart(sql.charAt(i - 1))
                || i + 7 < sql.length() && SqlLexer.isIdentifierPart(sql.charAt(i + 7))) {
            return -1;
        }
        int at = i + 7;
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        String name = null;
        while (at < sql.length()) {
            int end;
            if (sql.charAt(at) == '"') {
                end = SqlLexer.skipQuotedOrComment(sql, at);
                name = sql.substring(at + 1, end - 1).replace("\"\"", "\"");
            } else {
                end = at;
                while (end < sql.length() && SqlLexer.isIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                if (end == at) {
                    return -1;
                }
                name = sql.substring(at, end).toLowerCase(Locale.ROOT);
            }
            at = end;
            if (at < sql.length() && sql.charAt(at) == '.' && name.equals("pg_catalog")) {
                at++;
                continue;
            }
            break;
        }
        check(name, i + 1);
        return at;
    }

    /** 42704 for a collation the database does not have; position is 1-based, 0 for none. */
    public static void check(String name, int position) {
        if (name == null || !NAMES.contains(name)) {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "collation \"" + name + "\" for encoding \"UTF8\" does not exist",
                    null, null, position, null);
        }
    }
}
