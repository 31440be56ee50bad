package dev.amelie.planner.ddl;

import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table [USING btree|hash]
 * (column [ASC|DESC] [NULLS FIRST|LAST], …) and DROP INDEX [CONCURRENTLY] [IF EXISTS] name, ….
 * [INCLUDE (column, …)]. Expression columns and partial indexes (WHERE) are refused as not supported yet.
 */
final class IndexParser {

    private IndexParser() {
    }

    /** After CREATE; {@code in} is at UNIQUE or INDEX. */
    static PlannedStatement parseCreate(TokenStream in) {
        boolean unique = in.acceptWord("unique");
        in.expectWord("index");
        in.acceptWord("concurrently"); // there is no lock to avoid: DDL runs in the transaction order
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        String name = null;
        if (!in.peek().isWord("on")) {
            name = in.expectIdentifier();
        } else if (ifNotExists) {
            throw in.syntaxError(); // PostgreSQL: IF NOT EXISTS needs a name
        }
        in.expectWord("on");
        in.acceptWord("only");
        PlannedStatement.QualifiedName table = DdlParser.qualifiedName(in);
        IndexDef.Method method = IndexDef.Method.BTREE;
        if (in.acceptWord("using")) {
            String access = in.expectIdentifier().toLowerCase(Locale.ROOT);
            method = switch (access) {
                case "btree" -> IndexDef.Method.BTREE;
                case "hash" -> IndexDef.Method.HASH;
                case "gist", "gin", "spgist", "brin" -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "index access method \"" + access + "\" is not supported yet");
                default -> throw new SqlException(SqlState.UNDEFINED_OBJECT, "access method \"" + access + "\" does not exist");
            };
        }
        in.expectSymbol("(");
        List<String> columns = new ArrayList<>();
        do {
            if (in.peek().isSymbol("(")) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "indexes on expressions are not supported yet");
            }
            columns.add(in.expectIdentifier());
            if (in.peek().isSymbol("(")) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "indexes on expressions are not supported yet");
            }
            if (in.acceptWord("asc") || in.acceptWord("desc")) {
                // the order of a btree index matters only to scans that use it: none yet
            }
            if (in.acceptWord("nulls")) {
                if (!in.acceptWord("first") && !in.acceptWord("last")) {
                    throw in.syntaxError();
                }
            }
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        if (unique && method == IndexDef.Method.HASH) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "access method \"hash\" does not support unique indexes");
        }
        List<String> included = List.of();
        if (in.acceptWord("include")) {
            included = DdlParser.identifierList(in);
        }
        if (in.peek().isWord("where") || in.peek().isWord("with")
                || in.peek().isWord("tablespace")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "CREATE INDEX … " + in.peek().text().toUpperCase(Locale.ROOT) + " is not supported yet");
        }
        in.expectEnd();
        return new PlannedStatement.CreateIndex(table.schema(), table.name(), name, columns, unique, method, ifNotExists,
                included);
    }

    /** After DROP; {@code in} is at INDEX. */
    static PlannedStatement parseDrop(TokenStream in) {
        in.expectWord("index");
        in.acceptWord("concurrently");
        boolean ifExists = in.acceptWords("if", "exists");
        List<PlannedStatement.QualifiedName> names = DdlParser.dropNames(in);
        return new PlannedStatement.DropIndex(names, ifExists);
    }

}
