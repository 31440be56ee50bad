package dev.amelie.planner.lower;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The equality keys of a join condition ({@code l.a = r.b AND …}, column to column), with the
 * rest of the condition; null when there is none, or when a key pair compares NULLs as equal
 * (IS NOT DISTINCT FROM), which a hash index that drops NULL keys would get wrong.
 */
record EquiKeys(int[] left, int[] right, RexNode remaining) {

    static EquiKeys of(Join join) {
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        RexNode remaining = RelOptUtil.splitJoinCondition(join.getLeft(), join.getRight(), join.getCondition(),
                leftKeys, rightKeys, filterNulls);
        if (leftKeys.isEmpty() || filterNulls.contains(Boolean.FALSE)) {
            return null;
        }
        return new EquiKeys(leftKeys.stream().mapToInt(Integer::intValue).toArray(),
                rightKeys.stream().mapToInt(Integer::intValue).toArray(), remaining);
    }
}
