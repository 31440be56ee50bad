package dev.amelie.planner.lower;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;

import java.util.ArrayList;
import java.util.List;

/**
 * A filter condition split into the conjuncts that read no row (constants, parameters and
 * deterministic calls of them), evaluated once before the input is read, and the rest,
 * evaluated per row: PostgreSQL's "One-Time Filter" (src/backend/optimizer/plan/createplan.c),
 * so that {@code WHERE 1 = 0} over a hundred million generated rows costs nothing. Our planner
 * does not fold constants itself (its executor does not evaluate), so this happens at lowering.
 */
record OneTimeFilter(RexNode once, RexNode perRow) {

    /** The split, or null when no conjunct can be evaluated once. */
    static OneTimeFilter split(RexNode condition) {
        List<RexNode> once = new ArrayList<>();
        List<RexNode> perRow = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
            (readsNoRow(conjunct) ? once : perRow).add(conjunct);
        }
        if (once.isEmpty()) {
            return null;
        }
        return new OneTimeFilter(RexUtil.composeConjunction(REX_BUILDER_FREE, once),
                perRow.isEmpty() ? null : RexUtil.composeConjunction(REX_BUILDER_FREE, perRow));
    }

    /** composeConjunction needs a builder only to make TRUE for no operands, which never happens here. */
    private static final org.apache.calcite.rex.RexBuilder REX_BUILDER_FREE = new org.apache.calcite.rex.RexBuilder(
            new org.apache.calcite.jdbc.JavaTypeFactoryImpl());

    private static boolean readsNoRow(RexNode node) {
        Boolean[] independent = {true};
        node.accept(new RexVisitorImpl<Void>(true) {
            @Override
            public Void visitInputRef(RexInputRef inputRef) {
                independent[0] = false;
                return null;
            }

            @Override
            public Void visitLocalRef(RexLocalRef localRef) {
                independent[0] = false;
                return null;
            }

            @Override
            public Void visitCorrelVariable(RexCorrelVariable correlVariable) {
                independent[0] = false;
                return null;
            }

            @Override
            public Void visitFieldAccess(RexFieldAccess fieldAccess) {
                independent[0] = false;
                return null;
            }

            @Override
            public Void visitSubQuery(RexSubQuery subQuery) {
                independent[0] = false;
                return null;
            }

            @Override
            public Void visitOver(RexOver over) {
                independent[0] = false;
                return null;
            }

            @Override
            public Void visitCall(RexCall call) {
                if (!call.getOperator().isDeterministic() || call.getOperator().isDynamicFunction()) {
                    independent[0] = false;
                    return null;
                }
                return super.visitCall(call);
            }
        });
        return independent[0];
    }
}
