package dev.amelie.planner.ddl;

import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.sql.Token;
import dev.amelie.planner.sql.TokenStream;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements that make a table of a query's rows: CREATE TABLE … AS, CREATE MATERIALIZED
 * VIEW, and REFRESH MATERIALIZED VIEW, as PostgreSQL 15 writes them.
 */
final class TableFromQueryParser {
    private static final Pattern WITH_DATA = Pattern.compile("(?is)\\s+with\\s+(no\\s+)?data\\s*;?\\s*$");

    private TableFromQueryParser() {}

    /** Whether CREATE TABLE name is followed by {@code AS} or a list of bare column names and {@code AS}. */
    static boolean isTableAs(TokenStream in) {
        if (in.peek().isWord("as")) {
            return true;
        }
        if (!in.peek().isSymbol("(")) {
            return false;
        }
        Token next = in.peek(2);
        return in.peek(1).isIdentifier() && (next.isSymbol(",") || next.isSymbol(")"));
    }

    /** After CREATE TABLE [IF NOT EXISTS] name, or CREATE MATERIALIZED VIEW [IF NOT EXISTS] name. */
    static PlannedStatement parse(String text, TokenStream in, PlannedStatement.QualifiedName name, boolean ifNotExists,
                                  boolean materialized) {
        List<String> columns = in.peek().isSymbol("(") ? DdlParser.identifierList(in) : List.of();
        Token as = in.peek();
        in.expectWord("as");
        String query = text.substring(as.position() - 1 + 2);
        boolean withData = true;
        Matcher suffix = WITH_DATA.matcher(query);
        if (suffix.find()) {
            withData = suffix.group(1) == null;
            query = query.substring(0, suffix.start());
        }
        query = query.strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        if (query.isEmpty()) {
            throw in.syntaxError();
        }
        return new PlannedStatement.CreateTableAs(name.schema(), name.name(), columns, query, ifNotExists, materialized, withData);
    }

    /** After REFRESH: MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]. */
    static PlannedStatement parseRefresh(TokenStream in) {
        in.expectWord("materialized");
        in.expectWord("view");
        in.acceptWord("concurrently");
        PlannedStatement.QualifiedName name = DdlParser.qualifiedName(in);
        boolean withData = true;
        if (in.acceptWord("with")) {
            withData = !in.acceptWord("no");
            in.expectWord("data");
        }
        in.expectEnd();
        return new PlannedStatement.RefreshMaterializedView(name, withData);
    }
}
