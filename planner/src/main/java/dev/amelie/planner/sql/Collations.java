package dev.amelie.planner.sql;

import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.List;
import java.util.Set;

/**
 * COLLATE: we compare text byte by byte, which is what the collations "C" and "POSIX" (and
 * "default" of a database created with locale C) mean, so naming one of them changes nothing
 * and the clause is dropped. Any other collation does not exist here (42704); names are
 * case-sensitive as in PostgreSQL ("c" is not "C").
 */
public final class Collations {
    private static final Set<String> BYTEWISE = Set.of("C", "POSIX", "default", "ucs_basic");

    private Collations() {}

    /** 42704 unless {@code name} (as written, quotes removed) is a collation that compares bytes. */
    public static void check(String name, int position) {
        if (!BYTEWISE.contains(name)) {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "collation \"" + name + "\" for encoding \"UTF8\" does not exist",
                    null, null, position, null);
        }
    }

    /**
     * {@code expr COLLATE "C"} in a statement: the clause is cut out. A number before it cannot take
     * a collation (42804), as in PostgreSQL.
     */
    static void dropClauses(String sql, List<Token> tokens, java.util.function.BiConsumer<Integer, Integer> cut) {
        for (int t = 1; t + 1 < tokens.size(); t++) {
            Token word = tokens.get(t);
            if (!word.isWord("collate")) {
                continue;
            }
            Token name = tokens.get(t + 1);
            if (name.kind() != Token.Kind.QUOTED_IDENTIFIER && name.kind() != Token.Kind.WORD) {
                continue;
            }
            check(name.text(), word.position());
            if (tokens.get(t - 1).kind() == Token.Kind.NUMBER) {
                throw new SqlException(SqlState.DATATYPE_MISMATCH, "collations are not supported by type integer",
                        null, null, word.position(), null);
            }
            int start = word.position() - 1;
            int end = name.position() - 1 + (name.kind() == Token.Kind.QUOTED_IDENTIFIER
                    ? SqlLexer.skipQuotedOrComment(sql, name.position() - 1) - (name.position() - 1) : name.text().length());
            cut.accept(start, end);
        }
    }
}
