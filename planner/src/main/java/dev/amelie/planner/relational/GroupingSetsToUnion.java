package dev.amelie.planner.relational;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUPING SETS, ROLLUP and CUBE as a UNION ALL of one plain GROUP BY per grouping set, which is
 * what PostgreSQL's result is (src/backend/executor/nodeAgg.c computes the sets in one pass, with
 * the same rows): in each branch the keys outside its set are NULL and GROUPING(…) is a constant,
 * bit i set when argument i is not grouped in that set. The host then runs only simple
 * aggregates; the input is read once per set, which is the price of not having a multi-set
 * aggregate in the interpreter.
 */
final class GroupingSetsToUnion extends RelOptRule {
    static final GroupingSetsToUnion INSTANCE = new GroupingSetsToUnion();

    private GroupingSetsToUnion() {
        super(operand(Aggregate.class, any()), "GroupingSetsToUnion");
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
        return ((Aggregate) call.rel(0)).getGroupType() != Aggregate.Group.SIMPLE;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        RelBuilder builder = call.builder();
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        List<Integer> keys = aggregate.getGroupSet().asList();
        List<RelDataTypeField> output = aggregate.getRowType().getFieldList();
        List<AggregateCall> computed = new ArrayList<>();
        for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
            if (!isGroupingFunction(aggregateCall)) {
                computed.add(aggregateCall);
            }
        }
        for (ImmutableBitSet set : aggregate.getGroupSets()) {
            RelNode branch = aggregate.copy(aggregate.getTraitSet(), aggregate.getInput(), set, List.of(set), computed);
            List<RexNode> columns = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                int key = keys.get(k);
                RexNode value = set.get(key)
                        ? rex.makeInputRef(branch, set.indexOf(key))
                        : rex.makeNullLiteral(output.get(k).getType());
                columns.add(rex.ensureType(output.get(k).getType(), value, true));
            }
            int next = set.cardinality();
            for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
                AggregateCall aggregateCall = aggregate.getAggCallList().get(i);
                RelDataTypeField field = output.get(keys.size() + i);
                RexNode value = isGroupingFunction(aggregateCall)
                        ? rex.makeExactLiteral(BigDecimal.valueOf(groupingValue(aggregateCall, set)), field.getType())
                        : rex.makeInputRef(branch, next++);
                columns.add(rex.ensureType(field.getType(), value, true));
            }
            builder.push(branch).project(columns, aggregate.getRowType().getFieldNames(), true);
        }
        builder.union(true, aggregate.getGroupSets().size());
        call.transformTo(builder.convert(aggregate.getRowType(), false).build());
    }

    private static boolean isGroupingFunction(AggregateCall call) {
        SqlKind kind = call.getAggregation().getKind();
        return kind == SqlKind.GROUPING || kind == SqlKind.GROUPING_ID || kind == SqlKind.GROUP_ID;
    }

    /** GROUPING(a, b, …): bit (n - 1 - i) set when argument i is not a key of {@code set}. */
    private static long groupingValue(AggregateCall call, ImmutableBitSet set) {
        if (call.getAggregation().getKind() == SqlKind.GROUP_ID) {
            return 0;
        }
        long value = 0;
        for (int argument : call.getArgList()) {
            value = value << 1 | (set.get(argument) ? 0 : 1);
        }
        return value;
    }
}
