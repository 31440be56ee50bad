package dev.amelie.planner.lower;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/**
 * The CHECK constraints a write to one table must keep, planned as conditions over the table's
 * row ({@code $i} is column i). {@link #NONE} for a table without any: its writes get no
 * instruction more, so a write path such as pgbench's pays nothing for the feature.
 */
public record TableChecks(String relation, int width, List<String> names, List<RexNode> conditions, RexBuilder rexBuilder) {

    public static final TableChecks NONE = new TableChecks("", 0, List.of(), List.of(), null);

    public TableChecks {
        names = List.copyOf(names);
        conditions = List.copyOf(conditions);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }
}
