package dev.amelie.planner.ddl;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TRUNCATE and ALTER TABLE … ADD PRIMARY KEY, as pgbench -i and schema tools send them
 * (PostgreSQL 15 grammar, the subset we run). Other ALTER TABLE actions answer 0A000.
 */
public final class TableChangeParser {
    private TableChangeParser() {}

    /** TRUNCATE [TABLE] [ONLY] name [*] [, …] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]. */
    public static PlannedStatement parseTruncate(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("truncate");
        in.acceptWord("table");
        List<PlannedStatement.QualifiedName> names = new ArrayList<>();
        do {
            in.acceptWord("only");
            names.add(DdlParser.qualifiedName(in));
            in.acceptSymbol("*");
        } while (in.acceptSymbol(","));
        if (in.acceptWord("restart") || in.acceptWord("continue")) {
            in.expectWord("identity");
        }
        if (!in.acceptWord("cascade")) {
            in.acceptWord("restrict");
        }
        in.expectEnd();
        return new PlannedStatement.Truncate(names);
    }

    /** ALTER TABLE [IF EXISTS] [ONLY] name ADD [CONSTRAINT c] PRIMARY KEY (columns). */
    public static PlannedStatement parseAlter(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("alter");
        if (!in.acceptWord("table")) {
            throw unsupported("ALTER " + in.peek().text().toUpperCase(Locale.ROOT));
        }
        boolean ifExists = in.acceptWords("if", "exists");
        in.acceptWord("only");
        PlannedStatement.QualifiedName name = DdlParser.qualifiedName(in);
        in.acceptSymbol("*");
        if (!in.acceptWord("add")) {
            throw unsupported("ALTER TABLE " + in.peek().text().toUpperCase(Locale.ROOT));
        }
        if (in.acceptWord("constraint")) {
            in.expectIdentifier();
        }
        if (!in.acceptWord("primary")) {
            throw unsupported("ALTER TABLE ADD " + in.peek().text().toUpperCase(Locale.ROOT));
        }
        in.expectWord("key");
        List<String> columns = DdlParser.identifierList(in);
        in.expectEnd();
        return new PlannedStatement.AddPrimaryKey(name, columns, ifExists);
    }

    /**
     * VACUUM [(options)] [FULL] [FREEZE] [VERBOSE] [ANALYZE] [tables] and ANALYZE [(options)]
     * [VERBOSE] [tables]; a table may name columns, which are not checked.
     */
    public static PlannedStatement parseMaintenance(String text) {
        TokenStream in = new TokenStream(text);
        String command = in.next().text().toUpperCase(Locale.ROOT);
        if (command.equals("ANALYSE")) {
            command = "ANALYZE";
        }
        if (in.acceptSymbol("(")) {
            int depth = 1;
            while (depth > 0 && !in.atEnd()) {
                if (in.acceptSymbol("(")) {
                    depth++;
                } else if (in.acceptSymbol(")")) {
                    depth--;
                } else {
                    in.next();
                }
            }
        }
        while (in.acceptWord("full") || in.acceptWord("freeze") || in.acceptWord("verbose")
                || in.acceptWord("analyze") || in.acceptWord("analyse")) {
            // options change nothing here
        }
        List<PlannedStatement.QualifiedName> tables = new ArrayList<>();
        if (!in.atEnd()) {
            do {
                tables.add(DdlParser.qualifiedName(in));
                if (in.peek().isSymbol("(")) {
                    DdlParser.identifierList(in);
                }
            } while (in.acceptSymbol(","));
        }
        in.expectEnd();
        return new PlannedStatement.Maintenance(command, tables);
    }

    private static SqlException unsupported(String what) {
        return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
    }
}
