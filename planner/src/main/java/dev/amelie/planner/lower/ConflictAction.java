package dev.amelie.planner.lower;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/**
 * What INSERT … ON CONFLICT does with a row whose key exists: nothing, or an update whose
 * values (and optional condition) are expressions over the existing row (input fields
 * 0..w-1) followed by the proposed row, EXCLUDED (fields w..2w-1).
 *
 * @param columns for DO UPDATE, the positions of the SET columns, in the order of {@code values}
 * @param where the DO UPDATE condition, or null
 */
public record ConflictAction(boolean update, int[] columns, List<RexNode> values, RexNode where, RexBuilder rexBuilder) {

    public static ConflictAction nothing() {
        return new ConflictAction(false, new int[0], List.of(), null, null);
    }

    public static ConflictAction update(int[] columns, List<RexNode> values, RexNode where, RexBuilder rexBuilder) {
        return new ConflictAction(true, columns.clone(), List.copyOf(values), where, rexBuilder);
    }
}
