package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.Tokenizer;

import java.util.List;

/**
 * {@code UPDATE t SET c = DEFAULT}: Calcite's parser has no DEFAULT in SET, so the column's
 * default expression (NULL when it has none) is written in its place before the statement is
 * parsed, as PostgreSQL's rewriter puts it in.
 */
final class UpdateDefaults {
    private UpdateDefaults() {}

    /** With {@code catalog} null (a syntax check only), every DEFAULT becomes NULL. */
    static String rewrite(String sql, Catalog catalog) {
        if (!sql.regionMatches(true, 0, "update", 0, 6) && !sql.stripLeading().regionMatches(true, 0, "update", 0, 6)) {
            return sql;
        }
        List<Token> tokens = Tokenizer.tokenizeOrNull(sql);
        if (tokens == null) {
            return sql;
        }
        if (tokens.size() < 6 || !tokens.getFirst().isWord("update")) {
            return sql;
        }
        int t = 1;
        if (tokens.get(t).isWord("only")) {
            t++;
        }
        String schema = Catalog.DEFAULT_SCHEMA;
        String name = tokens.get(t).text();
        if (tokens.get(t + 1).isSymbol(".")) {
            schema = name;
            name = tokens.get(t + 2).text();
        }
        Table table = catalog == null ? null : catalog.table(schema, name);
        if (table == null && catalog != null) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql);
        // From the end, so earlier positions stay valid as text is replaced.
        for (int i = tokens.size() - 1; i >= 2; i--) {
            Token token = tokens.get(i);
            if (!token.isWord("default") || !tokens.get(i - 1).isSymbol("=")) {
                continue;
            }
            Token column = tokens.get(i - 2);
            Token after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean ends = after == null || after.isSymbol(",") || after.isSymbol(";") || after.kind() == Token.Kind.END
                    || after.isWord("where") || after.isWord("from") || after.isWord("returning");
            int position = table == null ? -1 : table.def().columnIndex(column.text());
            if (!ends || !inSetClause(tokens, i)) {
                continue;
            }
            if (table != null && position < 0) {
                throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.UNDEFINED_COLUMN, "column \""
                        + column.text() + "\" of relation \"" + name + "\" does not exist", null, null, column.position(), null);
            }
            ColumnDef def = table == null ? null : table.def().columns().get(position);
            String value = def == null || def.defaultSql() == null ? "null" : "(" + def.defaultSql() + ")";
            int at = token.position() - 1;
            out.replace(at, at + token.text().length(), value);
        }
        return out.toString();
    }

    /** Whether token {@code i} is in the SET list at the statement's own level. */
    private static boolean inSetClause(List<Token> tokens, int i) {
        int depth = 0;
        boolean set = false;
        for (int k = 0; k < i; k++) {
            Token token = tokens.get(k);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("set")) {
                set = true;
            } else if (depth == 0 && (token.isWord("where") || token.isWord("from") || token.isWord("returning"))) {
                set = false;
            }
        }
        return set && depth == 0;
    }
}
