package dev.amelie.planner.lower;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a plan holds of subqueries ({@link RexSubQuery}: scalar, EXISTS, IN, ANY/ALL) and of the
 * correlation variables ({@code $cor0.a}) by which a subquery reads the row of the query around it.
 */
final class NestedQueries {
    private NestedQueries() {}

    /** The subqueries in this operator's own expressions (not those nested inside them). */
    static List<RexSubQuery> of(RelNode node) {
        List<RexSubQuery> found = new ArrayList<>();
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                found.add(subQuery);
                return subQuery;
            }
        });
        return found;
    }

    /** True when an operator of the tree, or of a subquery in it, has a subquery. */
    static boolean anyIn(RelNode tree) {
        if (!of(tree).isEmpty()) {
            return true;
        }
        for (RelNode input : tree.getInputs()) {
            if (anyIn(input)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The correlation variables the tree reads but does not bind itself: those of the queries
     * around it. A subquery without any gives the same rows for every outer row, so it runs once.
     */
    static Set<CorrelationId> freeVariables(RelNode tree) {
        Set<CorrelationId> used = new HashSet<>();
        Set<CorrelationId> bound = new HashSet<>();
        collect(tree, used, bound);
        used.removeAll(bound);
        return used;
    }

    private static void collect(RelNode node, Set<CorrelationId> used, Set<CorrelationId> bound) {
        bound.addAll(node.getVariablesSet());
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitCorrelVariable(RexCorrelVariable variable) {
                used.add(variable.id);
                return variable;
            }

            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                collect(subQuery.rel, used, bound);
                return super.visitSubQuery(subQuery);
            }
        });
        for (RelNode input : node.getInputs()) {
            collect(input, used, bound);
        }
    }
}
