package dev.amelie.planner.ddl;

import dev.amelie.compute.catalog.ForeignKey.Action;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.List;

/**
 * The REFERENCES clause of a column or table constraint (PostgreSQL 15's grammar):
 * {@code REFERENCES table [(columns)] [MATCH SIMPLE] [ON DELETE action] [ON UPDATE action]
 * [NOT DEFERRABLE] [INITIALLY IMMEDIATE]}. Checks run at the end of each statement, as
 * PostgreSQL's immediate constraints do; what would need more (deferred checks, MATCH FULL,
 * cascading key updates) answers 0A000.
 */
public final class ForeignKeyParser {
    private ForeignKeyParser() {}

    /** At REFERENCES: the clause for {@code columns} of the table being defined or altered. */
    static PlannedStatement.NewForeignKey parseReferences(TokenStream in, String name, List<String> columns) {
        in.expectWord("references");
        PlannedStatement.QualifiedName referenced = DdlParser.qualifiedName(in);
        List<String> referencedColumns = in.peek().isSymbol("(") ? DdlParser.identifierList(in) : List.of();
        Action onDelete = Action.NO_ACTION;
        Action onUpdate = Action.NO_ACTION;
        while (true) {
            if (in.acceptWord("match")) {
                if (!in.acceptWord("simple")) {
                    throw unsupported("MATCH " + in.peek().text().toUpperCase(java.util.Locale.ROOT));
                }
            } else if (in.acceptWords("on", "delete")) {
                onDelete = action(in);
            } else if (in.acceptWords("on", "update")) {
                onUpdate = action(in);
                if (onUpdate != Action.NO_ACTION && onUpdate != Action.RESTRICT) {
                    throw unsupported("ON UPDATE " + onUpdate.sql());
                }
            } else if (in.acceptWords("not", "deferrable") || in.acceptWords("initially", "immediate")) {
                // what every constraint here is
            } else if (in.peek().isWord("deferrable") || in.peek().isWord("initially")) {
                throw unsupported("DEFERRABLE foreign key constraints");
            } else {
                break;
            }
        }
        return new PlannedStatement.NewForeignKey(name, columns, referenced, referencedColumns, onDelete, onUpdate);
    }

    /** At FOREIGN: {@code FOREIGN KEY (columns) REFERENCES …}. */
    static PlannedStatement.NewForeignKey parseTableConstraint(TokenStream in, String name) {
        in.expectWord("foreign");
        in.expectWord("key");
        List<String> columns = DdlParser.identifierList(in);
        return parseReferences(in, name, columns);
    }

    private static Action action(TokenStream in) {
        if (in.acceptWords("no", "action")) {
            return Action.NO_ACTION;
        }
        if (in.acceptWord("restrict")) {
            return Action.RESTRICT;
        }
        if (in.acceptWord("cascade")) {
            return Action.CASCADE;
        }
        if (in.acceptWords("set", "null")) {
            rejectColumnList(in);
            return Action.SET_NULL;
        }
        if (in.acceptWords("set", "default")) {
            rejectColumnList(in);
            return Action.SET_DEFAULT;
        }
        throw in.syntaxError();
    }

    /** PostgreSQL 15's SET NULL (columns) form: not here yet. */
    private static void rejectColumnList(TokenStream in) {
        if (in.peek().isSymbol("(")) {
            throw unsupported("SET NULL or SET DEFAULT with a column list");
        }
    }

    private static SqlException unsupported(String what) {
        return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
    }
}
