package dev.amelie.planner.ddl;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TRUNCATE, ALTER TABLE … ADD PRIMARY KEY and ADD COLUMN, as pgbench -i and schema tools send them
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
        boolean cascade = in.acceptWord("cascade");
        if (!cascade) {
            in.acceptWord("restrict");
        }
        in.expectEnd();
        return new PlannedStatement.Truncate(names, cascade);
    }

    /**
     * ALTER TABLE [IF EXISTS] [ONLY] name, then ADD [COLUMN] …, ADD [CONSTRAINT c] PRIMARY KEY
     * (columns), RENAME …, or a list of ALTER [COLUMN] c SET / DROP DEFAULT and NOT NULL, DROP
     * [COLUMN], ADD [CONSTRAINT c] CHECK (expr), DROP CONSTRAINT actions.
     */
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
        if (in.acceptWord("rename")) {
            PlannedStatement.TableAction rename = parseRename(in);
            in.expectEnd();
            return new PlannedStatement.AlterTable(name, ifExists, List.of(rename));
        }
        if (in.peek().isWord("add") && !isAddCheck(in)) {
            in.next();
            return parseAdd(text, in, name, ifExists);
        }
        List<PlannedStatement.TableAction> actions = new ArrayList<>();
        do {
            actions.add(parseAction(text, in));
        } while (in.acceptSymbol(","));
        in.expectEnd();
        return new PlannedStatement.AlterTable(name, ifExists, actions);
    }

    /** At ADD: whether a CHECK, FOREIGN KEY or UNIQUE constraint follows (an action of an action list). */
    private static boolean isAddCheck(TokenStream in) {
        for (String kind : new String[] {"check", "foreign", "unique"}) {
            if (in.peek(1).isWord(kind) || in.peek(1).isWord("constraint") && in.peek(3).isWord(kind)) {
                return true;
            }
        }
        return false;
    }

    /** After RENAME: [COLUMN] a TO b, TO name, or CONSTRAINT a TO b. */
    private static PlannedStatement.TableAction parseRename(TokenStream in) {
        if (in.acceptWord("to")) {
            return new PlannedStatement.TableAction.RenameTable(in.expectIdentifier());
        }
        if (in.acceptWord("constraint")) {
            String from = in.expectIdentifier();
            in.expectWord("to");
            return new PlannedStatement.TableAction.RenameConstraint(from, in.expectIdentifier());
        }
        in.acceptWord("column");
        String from = in.expectIdentifier();
        in.expectWord("to");
        return new PlannedStatement.TableAction.RenameColumn(from, in.expectIdentifier());
    }

    /** One action of an action list (ADD COLUMN and ADD PRIMARY KEY are parsed by {@link #parseAdd}). */
    private static PlannedStatement.TableAction parseAction(String text, TokenStream in) {
        if (in.acceptWord("add")) {
            String constraint = in.acceptWord("constraint") ? in.expectIdentifier() : null;
            if (in.peek().isWord("foreign")) {
                return new PlannedStatement.TableAction.AddForeignKey(ForeignKeyParser.parseTableConstraint(in, constraint));
            }
            if (in.acceptWord("unique")) {
                List<String> columns = DdlParser.identifierList(in);
                if (in.acceptWord("using")) {
                    in.expectWord("index");
                    throw unsupported("ADD UNIQUE USING INDEX");
                }
                return new PlannedStatement.TableAction.AddUnique(constraint, columns);
            }
            if (!in.acceptWord("check")) {
                throw unsupported("ALTER TABLE ADD " + in.peek().text().toUpperCase(Locale.ROOT) + " with other actions");
            }
            return new PlannedStatement.TableAction.AddCheck(CheckExpression.parse(text, in, constraint));
        }
        if (in.acceptWord("alter")) {
            in.acceptWord("column");
            String column = in.expectIdentifier();
            if (in.acceptWord("set")) {
                if (in.acceptWord("default")) {
                    return new PlannedStatement.TableAction.SetDefault(column, DefaultExpression.slice(text, in));
                }
                if (in.acceptWords("not", "null")) {
                    return new PlannedStatement.TableAction.SetNotNull(column, true);
                }
                throw unsupported("ALTER TABLE ALTER COLUMN SET " + in.peek().text().toUpperCase(Locale.ROOT));
            }
            if (in.acceptWord("drop")) {
                if (in.acceptWord("default")) {
                    return new PlannedStatement.TableAction.SetDefault(column, null);
                }
                if (in.acceptWords("not", "null")) {
                    return new PlannedStatement.TableAction.SetNotNull(column, false);
                }
                throw unsupported("ALTER TABLE ALTER COLUMN DROP " + in.peek().text().toUpperCase(Locale.ROOT));
            }
            throw unsupported("ALTER TABLE ALTER COLUMN " + in.peek().text().toUpperCase(Locale.ROOT));
        }
        if (in.acceptWord("drop")) {
            if (in.acceptWord("constraint")) {
                boolean ifExists = in.acceptWords("if", "exists");
                String constraint = in.expectIdentifier();
                acceptDropBehavior(in);
                return new PlannedStatement.TableAction.DropConstraint(constraint, ifExists);
            }
            in.acceptWord("column");
            boolean ifExists = in.acceptWords("if", "exists");
            String column = in.expectIdentifier();
            boolean cascade = acceptDropBehavior(in);
            return new PlannedStatement.TableAction.DropColumn(column, ifExists, cascade);
        }
        throw unsupported("ALTER TABLE " + in.peek().text().toUpperCase(Locale.ROOT));
    }

    /** [CASCADE | RESTRICT]: whether CASCADE. */
    private static boolean acceptDropBehavior(TokenStream in) {
        if (in.acceptWord("cascade")) {
            return true;
        }
        in.acceptWord("restrict");
        return false;
    }

    /** After ADD: [COLUMN] … [, ADD …] or [CONSTRAINT c] PRIMARY KEY (columns). */
    private static PlannedStatement parseAdd(String text, TokenStream in, PlannedStatement.QualifiedName name, boolean ifExists) {
        if (in.acceptWord("column") || in.peek().isIdentifier() && !in.peek().isWord("constraint")
                && !in.peek().isWord("primary") && !in.peek().isWord("unique") && !in.peek().isWord("check")
                && !in.peek().isWord("foreign")) {
            List<PlannedStatement.NewColumn> columns = new ArrayList<>();
            columns.add(parseAddColumn(text, in));
            while (in.acceptSymbol(",")) {
                in.expectWord("add");
                in.acceptWord("column");
                columns.add(parseAddColumn(text, in));
            }
            in.expectEnd();
            return new PlannedStatement.AddColumn(name, columns, ifExists);
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

    /** After ADD [COLUMN]: [IF NOT EXISTS] name type [NOT NULL | NULL | DEFAULT expr | COLLATE c] …. */
    private static PlannedStatement.NewColumn parseAddColumn(String text, TokenStream in) {
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        String column = in.expectIdentifier();
        if (SerialTypes.of(in.peek()) != null) {
            throw unsupported("ALTER TABLE ADD COLUMN of a serial type");
        }
        TypeNames.ColumnType type = TypeNames.parseColumnType(in);
        boolean notNull = false;
        String defaultSql = null;
        PlannedStatement.NewForeignKey foreignKey = null;
        while (!in.atEnd() && !in.peek().isSymbol(",")) {
            if (foreignKey == null && (in.peek().isWord("references")
                    || in.peek().isWord("constraint") && in.peek(2).isWord("references"))) {
                String constraint = in.acceptWord("constraint") ? in.expectIdentifier() : null;
                foreignKey = ForeignKeyParser.parseReferences(in, constraint, List.of(column));
            } else if (in.acceptWord("not")) {
                in.expectWord("null");
                notNull = true;
            } else if (in.acceptWord("null")) {
                notNull = false;
            } else if (in.acceptWord("default")) {
                defaultSql = DefaultExpression.slice(text, in);
            } else if (in.peek().isWord("collate")) {
                int at = in.next().position();
                dev.amelie.planner.sql.Collations.check(in.expectIdentifier(), at);
            } else if (in.peek().isWord("primary") || in.peek().isWord("unique") || in.peek().isWord("references")
                    || in.peek().isWord("check") || in.peek().isWord("generated") || in.peek().isWord("constraint")) {
                throw unsupported("ALTER TABLE ADD COLUMN … " + in.peek().text().toUpperCase(Locale.ROOT));
            } else {
                throw in.syntaxError();
            }
        }
        if (defaultSql != null && defaultSql.toLowerCase(Locale.ROOT).contains("nextval")) {
            throw unsupported("ALTER TABLE ADD COLUMN with a sequence DEFAULT");
        }
        var def = new dev.amelie.compute.catalog.ColumnDef(column, type.type(), notNull, defaultSql, null,
                type.precision(), type.scale(), type.character());
        return new PlannedStatement.NewColumn(def, ifNotExists, foreignKey);
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
