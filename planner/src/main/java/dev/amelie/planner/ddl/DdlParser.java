package dev.amelie.planner.ddl;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CREATE TABLE and DROP TABLE, parsed by hand: Calcite's babel grammar has no PostgreSQL DDL
 * (it rejects PRIMARY KEY and DROP), and the server DDL parser is not available here.
 * Grammar follows PostgreSQL 15's CREATE TABLE for the subset we support.
 */
public final class DdlParser {
    private DdlParser() {}

    public static PlannedStatement parseCreate(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("create");
        boolean replace = in.acceptWords("or", "replace");
        if (in.acceptWord("view")) {
            return parseCreateView(text, in, replace);
        }
        if (replace) {
            throw in.syntaxError();
        }
        if (in.peek().isWord("role") || in.peek().isWord("user")) {
            return RoleParser.parseCreate(in);
        }
        if (in.peek().isWord("schema")) {
            return SchemaParser.parseCreate(in);
        }
        if (in.peek().isWord("sequence")) {
            return SequenceParser.parseCreate(in);
        }
        if (in.peek().isWord("index") || in.peek().isWord("unique")) {
            return IndexParser.parseCreate(in);
        }
        if (in.acceptWord("materialized")) {
            in.expectWord("view");
            boolean ifNotExists = in.acceptWords("if", "not", "exists");
            return TableFromQueryParser.parse(text, in, qualifiedName(in), ifNotExists, true);
        }
        if (in.acceptWord("temporary") || in.acceptWord("temp") || in.acceptWord("unlogged")) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "CREATE TEMPORARY/UNLOGGED TABLE is not supported yet");
        }
        if (!in.acceptWord("table")) {
            throw unsupported("CREATE " + in.peek().text().toUpperCase());
        }
        boolean ifNotExists = in.acceptWords("if", "not", "exists");
        PlannedStatement.QualifiedName name = qualifiedName(in);
        if (TableFromQueryParser.isTableAs(in)) {
            return TableFromQueryParser.parse(text, in, name, ifNotExists, false);
        }
        in.expectSymbol("(");
        List<ColumnDef> columns = new ArrayList<>();
        Set<String> columnNames = new LinkedHashSet<>();
        List<Integer> primaryKey = new ArrayList<>();
        List<PlannedStatement.CreateSequence> sequences = new ArrayList<>();
        List<String> tablePrimaryKey = null;
        List<PlannedStatement.UniqueConstraint> uniques = new ArrayList<>();
        List<PlannedStatement.NewCheck> checks = new ArrayList<>();
        List<PlannedStatement.NewForeignKey> foreignKeys = new ArrayList<>();
        do {
            if (in.peek().isWord("foreign") || in.peek().isWord("constraint") && in.peek(2).isWord("foreign")) {
                String constraint = in.acceptWord("constraint") ? in.expectIdentifier() : null;
                foreignKeys.add(ForeignKeyParser.parseTableConstraint(in, constraint));
                continue;
            }
            if (in.peek().isWord("check") || in.peek().isWord("constraint") && in.peek(2).isWord("check")) {
                String constraint = in.acceptWord("constraint") ? in.expectIdentifier() : null;
                in.expectWord("check");
                checks.add(CheckExpression.parse(text, in, constraint));
                continue;
            }
            if (in.peek().isWord("unique") || in.peek().isWord("constraint") && in.peek(2).isWord("unique")) {
                String constraint = null;
                if (in.acceptWord("constraint")) {
                    constraint = in.expectIdentifier();
                }
                int position = in.peek().position();
                in.expectWord("unique");
                uniques.add(new PlannedStatement.UniqueConstraint(constraint, identifierList(in), position));
                continue;
            }
            if (in.peek().isWord("primary") || in.peek().isWord("constraint")) {
                if (in.acceptWord("constraint")) {
                    in.expectIdentifier();
                }
                in.expectWord("primary");
                in.expectWord("key");
                if (tablePrimaryKey != null || !primaryKey.isEmpty()) {
                    throw multiplePrimaryKeys(name.name());
                }
                tablePrimaryKey = identifierList(in);
                continue;
            }
            String column = in.expectIdentifier();
            if (!columnNames.add(column)) {
                throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + column + "\" specified more than once");
            }
            SqlType serial = SerialTypes.of(in.peek());
            SqlType type;
            TypeNames.ColumnType columnType = null;
            if (serial != null) {
                in.next();
                type = serial;
            } else {
                columnType = TypeNames.parseColumnType(in);
                type = columnType.type();
            }
            boolean notNull = false;
            String defaultSql = null;
            boolean identity = false;
            while (!in.peek().isSymbol(",") && !in.peek().isSymbol(")") && !in.atEnd()) {
                if (in.acceptWord("not")) {
                    in.expectWord("null");
                    notNull = true;
                } else if (in.acceptWord("null")) {
                    notNull = false;
                } else if (in.acceptWord("primary")) {
                    in.expectWord("key");
                    if (tablePrimaryKey != null || !primaryKey.isEmpty()) {
                        throw multiplePrimaryKeys(name.name());
                    }
                    primaryKey.add(columns.size());
                } else if (in.acceptWord("constraint")) {
                    String constraint = in.expectIdentifier();
                    if (in.peek().isWord("unique")) {
                        uniques.add(new PlannedStatement.UniqueConstraint(constraint, List.of(column), in.next().position()));
                    } else if (in.acceptWord("check")) {
                        checks.add(CheckExpression.parse(text, in, constraint));
                    } else if (in.peek().isWord("references")) {
                        foreignKeys.add(ForeignKeyParser.parseReferences(in, constraint, List.of(column)));
                    }
                } else if (in.acceptWord("check")) {
                    checks.add(CheckExpression.parse(text, in, null));
                } else if (in.peek().isWord("unique")) {
                    uniques.add(new PlannedStatement.UniqueConstraint(null, List.of(column), in.next().position()));
                } else if (in.acceptWord("default")) {
                    if (serial != null) {
                        throw new SqlException(SqlState.SYNTAX_ERROR, "multiple default values specified for column \""
                                + column + "\" of table \"" + name.name() + "\"");
                    }
                    defaultSql = DefaultExpression.slice(text, in);
                } else if (in.acceptWord("generated")) {
                    if (!in.acceptWord("always")) {
                        in.expectWord("by");
                        in.expectWord("default");
                    }
                    in.expectWord("as");
                    in.expectWord("identity");
                    if (in.peek().isSymbol("(")) {
                        skipParenthesized(in); // sequence options of the identity: defaults are kept
                    }
                    identity = true;
                } else if (in.peek().isWord("collate")) {
                    collateClause(in, type);
                } else if (in.peek().isWord("references")) {
                    foreignKeys.add(ForeignKeyParser.parseReferences(in, null, List.of(column)));
                } else {
                    throw in.syntaxError();
                }
            }
            if (serial != null || identity) {
                if (defaultSql != null) {
                    throw new SqlException(SqlState.SYNTAX_ERROR, "both default and identity specified for column \""
                            + column + "\" of table \"" + name.name() + "\"");
                }
                if (type != SqlType.SMALLINT && type != SqlType.INTEGER && type != SqlType.BIGINT) {
                    throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "identity column type must be smallint, integer, or bigint");
                }
                String sequence = name.name() + "_" + column + "_seq";
                long max = type == SqlType.SMALLINT ? Short.MAX_VALUE : type == SqlType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
                sequences.add(new PlannedStatement.CreateSequence(name.schema(), sequence, 1, 1, max, 1, false, false));
                columns.add(new ColumnDef(column, type, true, "nextval('" + sequence + "')", sequence));
            } else {
                columns.add(new ColumnDef(column, type, notNull, defaultSql, null,
                        columnType == null ? -1 : columnType.precision(), columnType == null ? -1 : columnType.scale(),
                        columnType == null ? null : columnType.character()));
            }
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        if (in.acceptWord("with")) {
            skipParenthesized(in); // storage parameters such as fillfactor change nothing in memory
        }
        in.expectEnd();
        if (tablePrimaryKey != null) {
            for (int k = 0; k < tablePrimaryKey.size(); k++) {
                if (tablePrimaryKey.indexOf(tablePrimaryKey.get(k)) != k) {
                    throw new SqlException(SqlState.DUPLICATE_COLUMN,
                            "column \"" + tablePrimaryKey.get(k) + "\" appears twice in primary key constraint");
                }
            }
            for (String keyColumn : tablePrimaryKey) {
                int position = new ArrayList<>(columnNames).indexOf(keyColumn);
                if (position < 0) {
                    throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + keyColumn + "\" named in key does not exist");
                }
                primaryKey.add(position);
            }
        }
        // A primary key implies NOT NULL, as in PostgreSQL.
        for (int position : primaryKey) {
            ColumnDef c = columns.get(position);
            columns.set(position, c.withNotNull());
        }
        for (PlannedStatement.UniqueConstraint unique : uniques) {
            for (String column : unique.columns()) {
                if (!columnNames.contains(column)) {
                    throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" named in key does not exist",
                            null, null, unique.position(), null);
                }
            }
        }
        return new PlannedStatement.CreateTable(name.schema(), name.name(), columns,
                primaryKey.stream().mapToInt(Integer::intValue).toArray(), ifNotExists, sequences, uniques, checks, foreignKeys);
    }

    private static PlannedStatement parseCreateView(String text, TokenStream in, boolean replace) {
        PlannedStatement.QualifiedName name = qualifiedName(in);
        List<String> columns = in.peek().isSymbol("(") ? identifierList(in) : List.of();
        Token as = in.peek();
        in.expectWord("as");
        String query = text.substring(as.position() - 1 + 2).strip();
        if (query.isEmpty()) {
            throw in.syntaxError();
        }
        return new PlannedStatement.CreateView(name.schema(), name.name(), columns, query, replace);
    }

    public static PlannedStatement parseRefresh(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("refresh");
        return TableFromQueryParser.parseRefresh(in);
    }

    public static PlannedStatement parseDrop(String text) {
        TokenStream in = new TokenStream(text);
        in.expectWord("drop");
        if (in.acceptWord("sequence")) {
            return SequenceParser.parseDrop(in);
        }
        if (in.peek().isWord("index")) {
            return IndexParser.parseDrop(in);
        }
        if (in.acceptWord("role") || in.acceptWord("user")) {
            return RoleParser.parseDrop(in);
        }
        if (in.acceptWord("schema")) {
            return SchemaParser.parseDrop(in);
        }
        if (in.acceptWord("materialized")) {
            in.expectWord("view");
            boolean ifExists = in.acceptWords("if", "exists");
            return new PlannedStatement.DropMaterializedView(dropNames(in), ifExists);
        }
        boolean view = in.acceptWord("view");
        if (!view && !in.acceptWord("table")) {
            throw unsupported("DROP " + in.peek().text().toUpperCase());
        }
        boolean ifExists = in.acceptWords("if", "exists");
        List<PlannedStatement.QualifiedName> names = new ArrayList<>();
        do {
            names.add(qualifiedName(in));
        } while (in.acceptSymbol(","));
        boolean cascade = in.acceptWord("cascade");
        if (!cascade) {
            in.acceptWord("restrict");
        }
        in.expectEnd();
        return view ? new PlannedStatement.DropView(names, ifExists) : new PlannedStatement.DropTable(names, ifExists, cascade);
    }

    /** {@code name [, …] [CASCADE | RESTRICT]} to the end, as every DROP ends. */
    static List<PlannedStatement.QualifiedName> dropNames(TokenStream in) {
        List<PlannedStatement.QualifiedName> names = new ArrayList<>();
        do {
            names.add(qualifiedName(in));
        } while (in.acceptSymbol(","));
        if (!in.acceptWord("restrict")) {
            in.acceptWord("cascade");
        }
        in.expectEnd();
        return names;
    }

    static PlannedStatement.QualifiedName qualifiedName(TokenStream in) {
        String first = in.expectIdentifier();
        if (in.acceptSymbol(".")) {
            String second = in.expectIdentifier();
            return new PlannedStatement.QualifiedName(first, second);
        }
        return new PlannedStatement.QualifiedName(Catalog.DEFAULT_SCHEMA, first);
    }

    static List<String> identifierList(TokenStream in) {
        List<String> names = new ArrayList<>();
        in.expectSymbol("(");
        do {
            names.add(in.expectIdentifier());
        } while (in.acceptSymbol(","));
        in.expectSymbol(")");
        return names;
    }

    private static void skipParenthesized(TokenStream in) {
        in.expectSymbol("(");
        int depth = 1;
        while (depth > 0) {
            Token token = in.next();
            if (token.kind() == Token.Kind.END) {
                throw in.syntaxError();
            }
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
        }
    }


    /**
     * A column's COLLATE: one of the collations the database has (all bytewise, so nothing to
     * keep), on a type that has collations (Collations).
     */
    private static void collateClause(TokenStream in, SqlType type) {
        Token collate = in.next();
        Token name = in.next();
        if (name.isWord("pg_catalog") && in.acceptSymbol(".")) {
            name = in.next();
        }
        if (!name.isIdentifier()) {
            throw in.syntaxError();
        }
        dev.amelie.planner.sql.Collations.check(name.text(), collate.position());
        if (type != SqlType.TEXT && type != SqlType.TEXT_ARRAY) {
            throw new SqlException(SqlState.DATATYPE_MISMATCH, "collations are not supported by type " + type.sqlName(),
                    null, null, collate.position(), null);
        }
    }
    private static SqlException multiplePrimaryKeys(String table) {
        return new SqlException(SqlState.INVALID_TABLE_DEFINITION,
                "multiple primary keys for table \"" + table + "\" are not allowed");
    }

    private static SqlException unsupported(String what) {
        return new SqlException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported yet");
    }
}
