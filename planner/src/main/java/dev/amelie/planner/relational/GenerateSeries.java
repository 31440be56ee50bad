package dev.amelie.planner.relational;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * generate_series(start, stop [, step]) in FROM, for integer, bigint and numeric (and with an
 * interval step for timestamp and timestamptz), as
 * PostgreSQL 15: one column named generate_series (or as the alias names it), no row when an
 * argument is NULL, 22023 for a step of zero. The rows are made on the host when the statement
 * runs ({@code SectionLowering}). Untyped arguments are integers, as PostgreSQL's literals.
 */
public final class GenerateSeries extends SqlFunction implements SqlTableFunction {
    public static final String NAME = "generate_series";
    static final GenerateSeries INSTANCE = new GenerateSeries();

    private GenerateSeries() {
        // As a call it is a cursor (Calcite's rule for table functions); its rows are rowType's.
        super(NAME, SqlKind.OTHER_FUNCTION, org.apache.calcite.sql.type.ReturnTypes.CURSOR,
                (binding, returnType, operandTypes) -> {
                    SqlType temporal = temporalSeries(binding);
                    for (int i = 0; i < operandTypes.length; i++) {
                        RelDataType type = temporal == null ? binding.getTypeFactory().createSqlType(SqlTypeName.INTEGER)
                                : i == 2 ? binding.getOperandType(2) : TypeMapping.toCalcite(temporal, binding.getTypeFactory());
                        operandTypes[i] = binding.getTypeFactory().createTypeWithNullability(type, true);
                    }
                },
                OperandTypes.variadic(SqlOperandCountRanges.between(2, 3)), SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return GenerateSeries::rowType;
    }

    private static RelDataType rowType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.builder().add(NAME, factory.createTypeWithNullability(
                TypeMapping.toCalcite(seriesType(binding), factory), true)).build();
    }

    /** integer, bigint or numeric: the widest of the arguments; anything else has no generate_series here. */
    private static SqlType seriesType(SqlOperatorBinding binding) {
        SqlType widest = SqlType.INTEGER;
        List<String> names = new ArrayList<>();
        boolean supported = true;
        SqlType temporal = temporalSeries(binding);
        if (temporal != null) {
            return temporal;
        }
        for (int i = 0; i < binding.getOperandCount(); i++) {
            RelDataType type = binding.getOperandType(i);
            SqlTypeName name = type.getSqlTypeName();
            names.add(name == SqlTypeName.NULL || name == SqlTypeName.UNKNOWN ? "unknown"
                    : TypeMapping.fromCalcite(type).sqlName());
            switch (name) {
                case NULL, UNKNOWN, TINYINT, SMALLINT, INTEGER -> {
                }
                case BIGINT -> widest = widest == SqlType.NUMERIC ? widest : SqlType.BIGINT;
                case DECIMAL -> widest = SqlType.NUMERIC;
                default -> supported = false;
            }
        }
        if (!supported) {
            throw new SqlException(SqlState.UNDEFINED_FUNCTION, "function generate_series(" + String.join(", ", names)
                    + ") does not exist", null,
                    "No function matches the given name and argument types. You might need to add explicit type casts.", 0, null);
        }
        return widest;
    }

    /**
     * generate_series(timestamp, timestamp, interval) and its timestamptz form: the series has the
     * type of the bounds (both the same, or one unknown). Null when the call is not of that shape.
     */
    private static SqlType temporalSeries(SqlOperatorBinding binding) {
        if (binding.getOperandCount() != 3 || TypeMapping.fromCalcite(binding.getOperandType(2)) != SqlType.INTERVAL) {
            return null;
        }
        SqlType bounds = null;
        for (int i = 0; i < 2; i++) {
            RelDataType type = binding.getOperandType(i);
            if (type.getSqlTypeName() == SqlTypeName.NULL || type.getSqlTypeName() == SqlTypeName.CHAR) {
                continue;
            }
            SqlType t = TypeMapping.fromCalcite(type);
            if (t != SqlType.TIMESTAMP && t != SqlType.TIMESTAMPTZ || bounds != null && bounds != t) {
                return null;
            }
            bounds = t;
        }
        return bounds;
    }

    /**
     * {@code FROM generate_series(…) AS g}: for a function returning one column, PostgreSQL names
     * the column by the alias too, so {@code SELECT g} works; Calcite needs {@code AS g(g)}.
     */
    static SqlNode aliasNamesTheColumn(SqlNode node) {
        SqlNode rewritten = node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (visited instanceof SqlCall as && as.getKind() == SqlKind.AS && as.operandCount() == 2
                        && isSeries(as.operand(0)) && as.operand(1) instanceof SqlIdentifier alias) {
                    return SqlStdOperatorTable.AS.createCall(as.getParserPosition(), as.operand(0), alias,
                            new SqlIdentifier(alias.getSimple(), SqlParserPos.ZERO));
                }
                return visited;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    /**
     * {@code SELECT generate_series(1, 3)}: PostgreSQL lets a set-returning function stand in the
     * select list. With arguments that read no column, that is the same as the function in FROM,
     * crossed with what FROM already has: the call becomes a column of a FROM item of its own.
     * (Arguments that read columns would need LATERAL, and several such functions run side by
     * side, neither of which is done yet: 0A000.)
     */
    static SqlNode selectListCalls(SqlNode node) {
        SqlNode rewritten = node.accept(new SqlShuttle() {
            private int made;

            @Override
            public SqlNode visit(SqlCall call) {
                SqlNode visited = super.visit(call);
                if (!(visited instanceof org.apache.calcite.sql.SqlSelect select) || select.getSelectList() == null) {
                    return visited;
                }
                List<SqlNode> fromItems = new ArrayList<>();
                List<SqlNode> items = new ArrayList<>();
                for (SqlNode item : select.getSelectList()) {
                    items.add(item.accept(new SqlShuttle() {
                        @Override
                        public SqlNode visit(SqlCall inner) {
                            if (inner.getKind() == SqlKind.SELECT || inner instanceof org.apache.calcite.sql.SqlSelect) {
                                return inner; // a subquery's select list is its own
                            }
                            String function = inner.getOperator().getName().toLowerCase(Locale.ROOT);
                            boolean series = SET_RETURNING.contains(function);
                            if (series && !readsNoColumn(inner)) {
                                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, function + " in a select list with "
                                        + "arguments that read columns is not supported yet");
                            }
                            if (series) {
                                String alias = "generate_series_" + (++made);
                                SqlParserPos pos = inner.getParserPosition();
                                fromItems.add(SqlStdOperatorTable.AS.createCall(pos,
                                        SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, inner),
                                        new SqlIdentifier(alias, pos), new SqlIdentifier(function, pos)));
                                return new SqlIdentifier(List.of(alias, function), pos);
                            }
                            return super.visit(inner);
                        }
                    }));
                }
                if (fromItems.isEmpty()) {
                    return select;
                }
                if (fromItems.size() > 1) {
                    // PostgreSQL runs them side by side, as many rows as the longest: not a cross join.
                    throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                            "several set-returning functions in one select list are not supported yet");
                }
                SqlNode from = select.getFrom();
                for (SqlNode item : fromItems) {
                    from = from == null ? item : new org.apache.calcite.sql.SqlJoin(SqlParserPos.ZERO, from,
                            org.apache.calcite.sql.SqlLiteral.createBoolean(false, SqlParserPos.ZERO),
                            org.apache.calcite.sql.JoinType.COMMA.symbol(SqlParserPos.ZERO), item,
                            org.apache.calcite.sql.JoinConditionType.NONE.symbol(SqlParserPos.ZERO), null);
                }
                select.setFrom(from);
                select.setSelectList(new org.apache.calcite.sql.SqlNodeList(items, select.getSelectList().getParserPosition()));
                return select;
            }
        });
        return rewritten == null ? node : rewritten;
    }

    private static boolean readsNoColumn(SqlCall call) {
        boolean[] reads = {false};
        call.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlIdentifier id) {
                reads[0] = true;
                return id;
            }
        });
        return !reads[0];
    }

    private static boolean isSeries(SqlNode node) {
        if (node instanceof SqlCall lateral && lateral.getKind() == SqlKind.LATERAL) {
            return isSeries(lateral.operand(0));
        }
        return node instanceof SqlCall table && table.getKind() == SqlKind.COLLECTION_TABLE
                && table.operand(0) instanceof SqlCall function
                && SET_RETURNING.contains(function.getOperator().getName().toLowerCase(Locale.ROOT));
    }

    /** The set-returning functions of one column: generate_series and regexp_matches. */
    private static final java.util.Set<String> SET_RETURNING = java.util.Set.of(NAME, RegexpMatches.NAME);
}
