package dev.amelie.planner.lower;

import dev.amelie.vm.program.Program;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexSubQuery;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an UPDATE or DELETE reads besides the rows it changes: the tables of UPDATE … FROM and
 * DELETE … USING, and those of its subqueries (SET, WHERE). Each becomes a source program that
 * runs before the change, so it reads the tables as they were when the statement began, as in
 * PostgreSQL; the pushdown then joins each partition's rows with the sources' rows and runs the
 * subqueries over them, on the node that owns the partition.
 *
 * <p>The changed table's scan is the "spine": the chain of first inputs from the statement's
 * input down to that scan (projections, filters, and the joins with the FROM list, which
 * {@code DmlFromClause} puts after the target). Its rows drive every loop, so the cursor that
 * UPDATE and DELETE change is the one on the current row.
 */
record ModifySources(Map<RelNode, Integer> leaves, List<Program> programs, boolean joined) {
    /**
     * The statement with a spine of its own: Calcite's rewrites share equal subtrees, so in
     * {@code UPDATE t … FROM s JOIN t AS b} the target's scan and b's may be one object, which
     * must be read as the partition in one place and as a source program's rows in the other.
     */
    static TableModify withOwnSpine(TableModify modify) {
        if (!spineJoins(modify.getInput())) {
            return modify;
        }
        return (TableModify) modify.copy(modify.getTraitSet(), List.of(copySpine(modify.getInput())));
    }

    private static boolean spineJoins(RelNode node) {
        for (; !(node instanceof TableScan) && !node.getInputs().isEmpty(); node = node.getInput(0)) {
            if (node instanceof Join) {
                return true;
            }
        }
        return false;
    }

    private static RelNode copySpine(RelNode node) {
        if (node instanceof TableScan scan) {
            return org.apache.calcite.rel.logical.LogicalTableScan.create(scan.getCluster(), scan.getTable(), scan.getHints());
        }
        if (node.getInputs().isEmpty()) {
            return node;
        }
        List<RelNode> inputs = new ArrayList<>(node.getInputs());
        inputs.set(0, copySpine(inputs.getFirst()));
        return node.copy(node.getTraitSet(), inputs);
    }

    /** A plain statement on one table (the fast path) has neither sources nor joins. */
    static ModifySources of(TableModify modify, int[] occurrenceToParameter) {
        Map<RelNode, Integer> leaves = new IdentityHashMap<>();
        List<Program> programs = new ArrayList<>();
        boolean joined = false;
        RelNode node = modify.getInput();
        while (!(node instanceof TableScan)) {
            if (node instanceof org.apache.calcite.rel.core.Values values && values.getTuples().isEmpty()) {
                return new ModifySources(leaves, programs, joined); // WHERE false: nothing to change
            }
            for (RexSubQuery subQuery : NestedQueries.of(node)) {
                ProgramLowering.assignSources(subQuery.rel, leaves, programs, occurrenceToParameter);
            }
            switch (node) {
                case Join join when join.getJoinType() == JoinRelType.INNER -> {
                    joined = true;
                    ProgramLowering.assignSources(join.getRight(), leaves, programs, occurrenceToParameter);
                }
                case Filter filter -> { }
                case Project project -> { }
                default -> throw ExpressionLowering.unsupported("this form of " + modify.getOperation().name()
                        + " (" + SectionLowering.describe(node) + ")");
            }
            node = node.getInput(0);
        }
        if (!node.getTable().getQualifiedName().equals(modify.getTable().getQualifiedName())) {
            throw ExpressionLowering.unsupported("this form of " + modify.getOperation().name() + " (target not first)");
        }
        return new ModifySources(leaves, programs, joined);
    }
}
