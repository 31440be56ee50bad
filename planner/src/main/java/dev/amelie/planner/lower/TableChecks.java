package dev.amelie.planner.lower;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

import java.util.List;

/**
 * The CHECK constraints a write to one table must keep, planned as conditions over the table's
 * row ({@code $i} is column i). {@link #NONE} for a table without any: its writes get no
 * instruction more, so a write path such as pgbench's pays nothing for the feature. {@code fitsRow}:
 * the table has numeric(p, s), varchar(n) or char(n) columns, whose values are fitted to them
 * before the checks read them, as PostgreSQL's assignment casts do.
 */
public record TableChecks(String relation, int width, List<String> names, List<RexNode> conditions, RexBuilder rexBuilder,
                          boolean fitsRow) {

    public static final TableChecks NONE = new TableChecks("", 0, List.of(), List.of(), null, false);

    public TableChecks {
        names = List.copyOf(names);
        conditions = List.copyOf(conditions);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }
}
