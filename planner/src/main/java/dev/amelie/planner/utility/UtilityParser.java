package dev.amelie.planner.utility;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.PlannedStatement.TransactionControl;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;

import java.util.StringJoiner;

/**
 * Transaction control and session parameter statements, parsed by hand with PostgreSQL 15's
 * grammar (gram.y: TransactionStmt, VariableSetStmt, VariableShowStmt, VariableResetStmt).
 */
public final class UtilityParser {
    private UtilityParser() {}

    public static PlannedStatement parseTransactionControl(String text) {
        TokenStream in = new TokenStream(text);
        Token first = in.next();
        PlannedStatement savepointStatement = parseSavepointStatement(first, in);
        if (savepointStatement != null) {
            return savepointStatement;
        }
        TransactionControl.Kind kind = switch (first.text()) {
            case "begin" -> {
                if (!in.acceptWord("work")) {
                    in.acceptWord("transaction");
                }
                skipTransactionModes(in);
                yield TransactionControl.Kind.BEGIN;
            }
            case "start" -> {
                in.expectWord("transaction");
                skipTransactionModes(in);
                yield TransactionControl.Kind.BEGIN;
            }
            case "commit", "end" -> {
                acceptWorkOrTransaction(in);
                acceptChain(in);
                yield TransactionControl.Kind.COMMIT;
            }
            default -> {
                acceptWorkOrTransaction(in);
                acceptChain(in);
                yield TransactionControl.Kind.ROLLBACK;
            }
        };
        in.expectEnd();
        return new TransactionControl(kind);
    }

    /** SAVEPOINT x, RELEASE [SAVEPOINT] x, ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] x; else null. */
    private static PlannedStatement parseSavepointStatement(Token first, TokenStream in) {
        TransactionControl.Kind kind;
        switch (first.text()) {
            case "savepoint" -> kind = TransactionControl.Kind.SAVEPOINT;
            case "release" -> {
                in.acceptWord("savepoint");
                kind = TransactionControl.Kind.RELEASE;
            }
            case "rollback", "abort" -> {
                boolean to = in.peek().isWord("to") || (in.peek().isWord("work") || in.peek().isWord("transaction"))
                        && in.peek(1).isWord("to");
                if (!to || first.text().equals("abort")) {
                    return null;
                }
                acceptWorkOrTransaction(in);
                in.expectWord("to");
                in.acceptWord("savepoint");
                kind = TransactionControl.Kind.ROLLBACK_TO;
            }
            default -> {
                return null;
            }
        }
        String name = in.expectIdentifier();
        in.expectEnd();
        return new TransactionControl(kind, name);
    }

    private static void acceptWorkOrTransaction(TokenStream in) {
        if (!in.acceptWord("work")) {
            in.acceptWord("transaction");
        }
    }

    private static void acceptChain(TokenStream in) {
        if (in.acceptWord("and")) {
            in.acceptWord("no");
            in.expectWord("chain");
        }
    }

    /** ISOLATION LEVEL …, READ ONLY / READ WRITE, [NOT] DEFERRABLE: all accepted, we are always serializable. */
    private static void skipTransactionModes(TokenStream in) {
        while (!in.atEnd()) {
            if (in.acceptWords("isolation", "level")) {
                if (!in.acceptWord("serializable") && !in.acceptWords("repeatable", "read")
                        && !in.acceptWords("read", "committed") && !in.acceptWords("read", "uncommitted")) {
                    throw in.syntaxError();
                }
            } else if (in.acceptWords("read", "only") || in.acceptWords("read", "write")
                    || in.acceptWords("not", "deferrable") || in.acceptWord("deferrable")) {
                // accepted
            } else {
                throw in.syntaxError();
            }
            in.acceptSymbol(",");
        }
    }

    public static PlannedStatement parseSet(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("set");
        boolean local = false;
        if (!in.acceptWord("session")) {
            local = in.acceptWord("local");
        }
        if (in.peek().isWord("characteristics") || in.peek().isWord("transaction")) {
            // SET [SESSION CHARACTERISTICS AS] TRANSACTION …: every level runs serializable.
            if (in.acceptWord("characteristics")) {
                in.expectWord("as");
            }
            in.expectWord("transaction");
            skipTransactionModes(in);
            return new PlannedStatement.SetParameter("transaction_isolation", null);
        }
        String name;
        if (in.acceptWords("time", "zone")) {
            name = "timezone";
        } else if (in.acceptWord("names")) {
            name = "client_encoding";
        } else if (in.peek().isWord("role") && !in.peek(1).isSymbol("=") && !in.peek(1).isWord("to")) {
            // SET ROLE name | 'name' | NONE: the role parameter, without TO (PostgreSQL's gram.y VariableSetStmt).
            in.next();
            name = "role";
        } else {
            name = dottedName(in);
            if (!in.acceptSymbol("=")) {
                in.expectWord("to");
            }
        }
        if (in.acceptWord("default") || (name.equals("timezone") && in.acceptWord("local"))) {
            in.expectEnd();
            return new PlannedStatement.SetParameter(name, null, local);
        }
        if (name.equals("timezone") && in.acceptWord("interval")) {
            // SET TIME ZONE INTERVAL '+02:00' HOUR TO MINUTE: the interval's text decides; the
            // qualifier only restates the fields such a zone may have (TimeZoneSetting reads it).
            String interval = "INTERVAL '" + in.next().text() + "'";
            while (in.acceptWord("hour") || in.acceptWord("to") || in.acceptWord("minute") || in.acceptWord("second")) {
                // skipped
            }
            in.expectEnd();
            return new PlannedStatement.SetParameter(name, interval, local);
        }
        StringJoiner value = new StringJoiner(", ");
        do {
            value.add(valueText(in));
        } while (in.acceptSymbol(","));
        in.expectEnd();
        return new PlannedStatement.SetParameter(name, value.toString(), local);
    }

    public static PlannedStatement parseShow(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("show");
        String name;
        if (in.acceptWords("time", "zone")) {
            name = "timezone";
        } else if (in.acceptWords("transaction", "isolation", "level")) {
            name = "transaction_isolation";
        } else {
            name = dottedName(in);
        }
        in.expectEnd();
        return new PlannedStatement.ShowParameter(name);
    }

    public static PlannedStatement parseReset(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("reset");
        String name = in.acceptWords("time", "zone") ? "timezone" : dottedName(in);
        in.expectEnd();
        return new PlannedStatement.ResetParameter(name);
    }

    private static String dottedName(TokenStream in) {
        StringBuilder name = new StringBuilder(in.expectIdentifier());
        while (in.acceptSymbol(".")) {
            name.append('.').append(in.expectIdentifier());
        }
        return name.toString();
    }

    private static String valueText(TokenStream in) {
        Token token = in.next();
        boolean negative = false;
        if (token.isSymbol("-") || token.isSymbol("+")) {
            negative = token.isSymbol("-");
            token = in.next();
        }
        return switch (token.kind()) {
            case STRING, QUOTED_IDENTIFIER, WORD -> token.text();
            case NUMBER -> (negative ? "-" : "") + token.text();
            default -> throw in.syntaxError();
        };
    }
}
