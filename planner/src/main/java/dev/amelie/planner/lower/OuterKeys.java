package dev.amelie.planner.lower;

import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The equalities of a correlated subquery's filter between its own columns and values of the
 * outer row ({@code u.x = t.a}, t being outside), with the rest of the condition: the host finds
 * the matching rows by a hash index built once instead of reading every row per outer row.
 * Null when there is no such equality, or when the two sides are of types a hash key would not
 * equate as SQL does (an int column and a numeric value, say).
 */
record OuterKeys(int[] columns, List<RexNode> values, RexNode residual) {
    private static final Set<SqlType> INTEGRAL = Set.of(SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT);

    static OuterKeys of(Filter filter) {
        List<Integer> columns = new ArrayList<>();
        List<RexNode> values = new ArrayList<>();
        List<RexNode> rest = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            if (conjunct.getKind() == SqlKind.EQUALS) {
                RexNode left = ((RexCall) conjunct).getOperands().get(0);
                RexNode right = ((RexCall) conjunct).getOperands().get(1);
                if (left instanceof RexInputRef column && isOuterValue(right) && hashable(column, right)) {
                    columns.add(column.getIndex());
                    values.add(right);
                    continue;
                }
                if (right instanceof RexInputRef column && isOuterValue(left) && hashable(column, left)) {
                    columns.add(column.getIndex());
                    values.add(left);
                    continue;
                }
            }
            rest.add(conjunct);
        }
        if (columns.isEmpty()) {
            return null;
        }
        RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
        return new OuterKeys(columns.stream().mapToInt(Integer::intValue).toArray(), values,
                RexUtil.composeConjunction(rexBuilder, rest));
    }

    /** A value computed from the outer row alone (and constants), the same for every inner row. */
    private static boolean isOuterValue(RexNode value) {
        return RexUtil.containsCorrelation(value) && !RexUtil.containsInputRef(value) && RexUtil.SubQueryFinder.find(value) == null;
    }

    private static boolean hashable(RexNode column, RexNode value) {
        return hashable(column.getType(), value.getType());
    }

    /** Whether a hash key equates values of these two types exactly when {@code =} does. */
    static boolean hashable(RelDataType x, RelDataType y) {
        SqlType a = TypeMapping.fromCalcite(x);
        SqlType b = TypeMapping.fromCalcite(y);
        return a == b || INTEGRAL.contains(a) && INTEGRAL.contains(b);
    }
}
