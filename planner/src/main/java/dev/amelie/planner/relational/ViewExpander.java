package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ViewDef;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Replaces each view named in a FROM clause by its query, as a derived table under the view's
 * name ({@code FROM v} becomes {@code FROM (SELECT …) AS v}), before validation, the way
 * PostgreSQL's rewriter expands views. Views may name views, to a bounded depth.
 */
final class ViewExpander {
    private static final int MAX_DEPTH = 32;

    private final Catalog catalog;
    private final Function<String, SqlNode> parser;

    private ViewExpander(Catalog catalog, Function<String, SqlNode> parser) {
        this.catalog = catalog;
        this.parser = parser;
    }

    static void expand(SqlNode statement, Catalog catalog, Function<String, SqlNode> parser) {
        if (!catalog.viewsByName().isEmpty()) {
            new ViewExpander(catalog, parser).walk(statement, 0);
        }
    }

    private void walk(SqlNode node, int depth) {
        if (node == null) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new SqlException(SqlState.PROGRAM_LIMIT_EXCEEDED, "views nested more than " + MAX_DEPTH + " deep");
        }
        if (node instanceof SqlSelect select) {
            select.setFrom(expandFrom(select.getFrom(), depth));
        }
        if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                walk(operand, depth);
            }
        } else if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                walk(item, depth);
            }
        }
    }

    private SqlNode expandFrom(SqlNode from, int depth) {
        if (from instanceof SqlIdentifier id) {
            ViewDef view = viewOf(id);
            return view == null ? from : alias(query(view, depth), id.names.getLast(), view.columnNames());
        }
        if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS && as.operand(0) instanceof SqlIdentifier id) {
            ViewDef view = viewOf(id);
            if (view != null) {
                as.setOperand(0, query(view, depth));
                if (as.operandCount() == 2 && !view.columnNames().isEmpty()) {
                    return alias(as.operand(0), ((SqlIdentifier) as.operand(1)).getSimple(), view.columnNames());
                }
            }
            return from;
        }
        if (from instanceof SqlJoin join) {
            join.setLeft(expandFrom(join.getLeft(), depth));
            join.setRight(expandFrom(join.getRight(), depth));
            return join;
        }
        walk(from, depth);
        return from;
    }

    private ViewDef viewOf(SqlIdentifier id) {
        if (id.names.size() == 1) {
            return catalog.view(Catalog.DEFAULT_SCHEMA, id.names.getFirst());
        }
        if (id.names.size() == 2) {
            return catalog.view(id.names.get(0), id.names.get(1));
        }
        return null;
    }

    private SqlNode query(ViewDef view, int depth) {
        SqlNode query = parser.apply(view.query());
        walk(query, depth + 1);
        return query;
    }

    private static SqlNode alias(SqlNode query, String name, List<String> columns) {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(query);
        operands.add(new SqlIdentifier(name, SqlParserPos.ZERO));
        for (String column : columns) {
            operands.add(new SqlIdentifier(column, SqlParserPos.ZERO));
        }
        return SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, operands);
    }
}
