package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.Table;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

import java.util.HashSet;
import java.util.Set;

/**
 * PostgreSQL's functional-dependency rule for GROUP BY, in the case that matters most: a query
 * over one table that groups by all of its primary key may name any of its columns, since each
 * group is one row. Only that shape is recognized; anything else keeps the strict rule.
 */
final class GroupedByPrimaryKey {

    private GroupedByPrimaryKey() {
    }

    private static final java.util.regex.Pattern NOT_GROUPED =
            java.util.regex.Pattern.compile("Expression '([A-Za-z_][A-Za-z_0-9$]*(?:\\.[A-Za-z_][A-Za-z_0-9$]*)?)' is not being grouped");

    /**
     * Calcite's "Expression 'c' is not being grouped" in PostgreSQL's words, which name the
     * column with its table (or alias) when the query reads one table.
     */
    static dev.amelie.vm.error.SqlException inPostgresWords(dev.amelie.vm.error.SqlException e, String sql,
                                                            SqlParser.Config parser) {
        java.util.regex.Matcher m = NOT_GROUPED.matcher(e.getMessage());
        if (!m.find()) {
            return e;
        }
        String column = m.group(1);
        if (!column.contains(".")) {
            String table = singleTableName(sql, parser);
            if (table == null) {
                return e;
            }
            column = table + "." + column;
        }
        return new dev.amelie.vm.error.SqlException(e.state(), "column \"" + column
                + "\" must appear in the GROUP BY clause or be used in an aggregate function", e.detail(), e.hint(),
                e.position(), e);
    }

    /** The name (or alias) of the one table a SELECT reads, or null. */
    private static String singleTableName(String sql, SqlParser.Config parser) {
        SqlSelect select = select(sql, parser);
        if (select == null) {
            return null;
        }
        SqlNode from = select.getFrom();
        if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS && as.operand(1) instanceof SqlIdentifier alias) {
            return alias.getSimple();
        }
        return from instanceof SqlIdentifier name ? name.names.getLast() : null;
    }

    private static SqlSelect select(String sql, SqlParser.Config parser) {
        SqlNode node;
        try {
            node = SqlParser.create(sql, parser).parseStmt();
        } catch (SqlParseException e) {
            return null;
        }
        if (node instanceof SqlOrderBy orderBy) {
            node = orderBy.query;
        }
        return node instanceof SqlSelect select ? select : null;
    }

    static boolean holds(String sql, Catalog catalog, SqlParser.Config parser) {
        SqlNode node;
        try {
            node = SqlParser.create(sql, parser).parseStmt();
        } catch (SqlParseException e) {
            return false;
        }
        if (node instanceof SqlOrderBy orderBy) {
            node = orderBy.query;
        }
        if (!(node instanceof SqlSelect select) || select.getGroup() == null) {
            return false;
        }
        SqlNode from = select.getFrom();
        if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
            from = as.operand(0);
        }
        if (!(from instanceof SqlIdentifier name)) {
            return false;
        }
        Table table = catalog.table(name.names.size() > 1 ? name.names.get(name.names.size() - 2) : Catalog.DEFAULT_SCHEMA,
                name.names.getLast());
        if (table == null || !table.def().hasPrimaryKey()) {
            return false;
        }
        Set<String> grouped = new HashSet<>();
        for (SqlNode item : select.getGroup()) {
            if (item instanceof SqlIdentifier column) {
                grouped.add(column.names.getLast());
            }
        }
        for (int position : table.def().primaryKey()) {
            if (!grouped.contains(table.def().columns().get(position).name())) {
                return false;
            }
        }
        return true;
    }
}
