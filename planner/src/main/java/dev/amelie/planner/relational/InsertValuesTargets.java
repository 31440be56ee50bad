package dev.amelie.planner.relational;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.Table;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a multi-row VALUES in an INSERT, read against their target columns as PostgreSQL
 * reads them (transformInsertRow in src/backend/parser/analyze.c), where Calcite reads the VALUES
 * as a table of its own first:
 * <ul>
 * <li>{@code DEFAULT} is the column's default expression (NULL without one), as PostgreSQL's
 * rewriter puts it in; Calcite replaces DEFAULT only in a one-row VALUES.</li>
 * <li>{@code VALUES (…, 10), (…, '5')}: PostgreSQL coerces each VALUES expression of
 * an INSERT to its target column (transformInsertRow in src/backend/parser/analyze.c), so a
 * quoted constant is read as the column's type; Calcite first unifies the rows' types and finds
 * integer and char incompatible. Quoted constants in a multi-row VALUES are therefore cast to
 * the target column's type when that is a number or boolean, the types Calcite refuses to unify
 * with character strings.</li>
 * </ul>
 */
final class InsertValuesTargets {
    private InsertValuesTargets() {}

    static SqlNode rewrite(SqlNode node, Catalog catalog, String text) {
        if (!(node instanceof SqlInsert insert) || !(insert.getTargetTable() instanceof SqlIdentifier target)) {
            return node;
        }
        List<ColumnDef> columns = targetColumns(target, insert.getTargetColumnList(), catalog);
        if (columns == null) {
            return node;
        }
        checkNotTooMany(insert.getSource(), columns.size(), text);
        if (insert.getSource().getKind() != SqlKind.VALUES) {
            return node;
        }
        List<SqlNode> rows = ((SqlCall) insert.getSource()).getOperandList();
        if (rows.size() < 2) {
            return node;
        }
        for (SqlNode row : rows) {
            if (row instanceof SqlBasicCall call && call.getKind() == SqlKind.ROW) {
                for (int i = 0; i < call.operandCount() && i < columns.size(); i++) {
                    if (call.operand(i).getKind() == SqlKind.DEFAULT && columns.get(i) != null) {
                        String sql = columns.get(i).defaultSql();
                        call.setOperand(i, sql == null ? SqlLiteral.createNull(call.operand(i).getParserPosition())
                                : RelationalPlanner.parseExpression(sql));
                    }
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            SqlTypeName type = columns.get(i) == null ? null : numberOrBoolean(columns.get(i));
            if (type != null && anyQuoted(rows, i)) {
                castColumn(rows, i, type);
            }
        }
        return node;
    }

    /**
     * PostgreSQL's 42601 "INSERT has more expressions than target columns" at the first extra
     * one (transformInsertRow); Calcite fails on it with an index out of bounds.
     */
    private static void checkNotTooMany(SqlNode source, int targets, String text) {
        SqlNode extra = null;
        if (source.getKind() == SqlKind.VALUES) {
            List<SqlNode> rows = ((SqlCall) source).getOperandList();
            for (SqlNode row : rows) {
                if (row instanceof SqlBasicCall call && rows.getFirst() instanceof SqlBasicCall first
                        && call.operandCount() != first.operandCount() && call.operandCount() > 0) {
                    SqlParserPos pos = call.operand(0).getParserPosition();
                    throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.SYNTAX_ERROR,
                            "VALUES lists must all be the same length", null, null,
                            dev.amelie.planner.error.CalciteErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()), null);
                }
            }
            for (SqlNode row : ((SqlCall) source).getOperandList()) {
                if (row instanceof SqlBasicCall call && call.getKind() == SqlKind.ROW && call.operandCount() > targets) {
                    extra = call.operand(targets);
                    break;
                }
            }
        } else if (source instanceof org.apache.calcite.sql.SqlSelect select && select.getSelectList().size() > targets
                && select.getSelectList().stream().noneMatch(item -> item instanceof SqlIdentifier id && id.isStar())) {
            extra = select.getSelectList().get(targets);
        }
        if (extra != null) {
            SqlParserPos pos = extra.getParserPosition();
            throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.SYNTAX_ERROR,
                    "INSERT has more expressions than target columns", null, null,
                    dev.amelie.planner.error.CalciteErrors.offsetOf(text, pos.getLineNum(), pos.getColumnNum()), null);
        }
    }

    private static boolean anyQuoted(List<SqlNode> rows, int column) {
        for (SqlNode row : rows) {
            if (row instanceof SqlBasicCall call && call.getKind() == SqlKind.ROW && column < call.operandCount()
                    && call.operand(column) instanceof SqlCharStringLiteral) {
                return true;
            }
        }
        return false;
    }

    /**
     * The quoted constants of the column cast to its type. For numeric, whose Calcite type has a
     * fixed scale, every value of the column instead goes through {@link UnconstrainedNumeric#NUMERIC}:
     * each then keeps its own scale (1 stays 1 beside '1.5'), as PostgreSQL stores them.
     */
    private static void castColumn(List<SqlNode> rows, int column, SqlTypeName type) {
        for (SqlNode row : rows) {
            if (!(row instanceof SqlBasicCall call) || call.getKind() != SqlKind.ROW || column >= call.operandCount()) {
                continue;
            }
            SqlNode value = call.operand(column);
            SqlParserPos pos = value.getParserPosition();
            if (type == SqlTypeName.DECIMAL) {
                if (!SqlUtil.isNullLiteral(value, false) && !(value instanceof SqlCall c && c.getKind() == SqlKind.DEFAULT)) {
                    call.setOperand(column, UnconstrainedNumeric.NUMERIC.createCall(pos, value));
                }
            } else if (value instanceof SqlCharStringLiteral) {
                call.setOperand(column, SqlStdOperatorTable.CAST.createCall(pos, value,
                        new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, pos), pos)));
            }
        }
    }

    /** The columns the VALUES fill, in order; null entries for names the table lacks (the validator reports them). */
    private static List<ColumnDef> targetColumns(SqlIdentifier target, SqlNodeList named, Catalog catalog) {
        List<String> names = target.names;
        Table table = catalog.table(names.size() > 1 ? names.get(names.size() - 2) : Catalog.DEFAULT_SCHEMA, names.getLast());
        if (table == null) {
            return null;
        }
        List<ColumnDef> all = table.def().columns();
        if (named == null) {
            return all;
        }
        List<ColumnDef> columns = new ArrayList<>();
        for (SqlNode name : named) {
            String column = name instanceof SqlIdentifier identifier ? identifier.names.getLast() : null;
            columns.add(all.stream().filter(c -> c.name().equals(column)).findFirst().orElse(null));
        }
        return columns;
    }

    private static SqlTypeName numberOrBoolean(ColumnDef column) {
        return switch (column.type()) {
            case SMALLINT -> SqlTypeName.SMALLINT;
            case INTEGER -> SqlTypeName.INTEGER;
            case BIGINT -> SqlTypeName.BIGINT;
            case NUMERIC -> SqlTypeName.DECIMAL;
            case DOUBLE -> SqlTypeName.DOUBLE;
            case REAL -> SqlTypeName.REAL;
            case BOOLEAN -> SqlTypeName.BOOLEAN;
            default -> null;
        };
    }
}
