package dev.amelie.planner.lower;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.CalciteTable;
import dev.amelie.planner.catalog.HostRelations;
import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.IndexRef;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.program.TableKeyRef;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;

import java.util.List;
import java.util.Map;

/**
 * An inner join whose one side is a table read by its whole primary key: the other side (the
 * outer) runs first as a source program, and every compute node looks each outer row's key up
 * in its partition of the table, joining the row it finds: an index nested loop on the nodes
 * instead of gathering the whole table to the host for a hash join. The outer rows go to every
 * node (they are shared, not copied) and a node finds only the keys it owns, so each joined
 * row is made once. The host then merges the joined rows as the join's output.
 *
 * <p>Chosen by rule, not by estimated cost (there are no statistics): a key lookup per outer row
 * never reads more of the table than a scan does. When both sides could be looked up, the outer
 * one is the side read by its key, else the filtered one (fewer rows), else the side looked up
 * by primary key rather than an index, else the right side is looked up.
 * Outer joins keep the host's hash join: a node cannot tell that another node found no row.
 *
 * <p>Two tables joined on both their primary keys are partitioned alike: then the join runs per
 * partition, each node scanning (or reading by key) its partition of the outer table and finding
 * the match in its own partition of the other (LOOKUP_IN), with nothing gathered first.
 */
final class LookupJoinLowering {
    /**
     * The table looked up ({@code scan}, under {@code filter} if any), on side {@code inner} (0
     * left, 1 right), by its primary key or, when {@code index} is set, by that secondary index;
     * {@code outerKeyFields} give the key's values in the key's (or index's) column order.
     */
    record Match(int inner, TableScan scan, Filter filter, int[] outerKeyFields, dev.amelie.compute.catalog.IndexDef index) {}

    private LookupJoinLowering() {}

    static Match match(Join join) {
        if (join.getJoinType() != JoinRelType.INNER) {
            return null;
        }
        JoinInfo info = join.analyzeCondition();
        if (info.leftKeys.isEmpty() || readsTransientTable(join)) {
            return null;
        }
        Match right = side(join, 1, info.rightKeys, info.leftKeys);
        Match left = side(join, 0, info.leftKeys, info.rightKeys);
        if (right != null && left != null) {
            // The side with fewer rows is the outer one: read by its key, else filtered at all.
            int rightAsOuter = selectivity(join.getRight());
            int leftAsOuter = selectivity(join.getLeft());
            if (rightAsOuter != leftAsOuter) {
                return rightAsOuter > leftAsOuter ? left : right;
            }
            if ((right.index() == null) != (left.index() == null)) {
                return right.index() == null ? right : left; // a key lookup finds one row on one node
            }
        }
        return right != null ? right : left;
    }

    /** 2: a table read by its whole primary key; 1: a filtered one; 0: anything else. */
    private static int selectivity(RelNode side) {
        if (!(side instanceof Filter filter)) {
            return 0;
        }
        if (filter.getInput() instanceof TableScan scan && scan.getTable().unwrap(CalciteTable.class) instanceof CalciteTable table
                && KeyLookup.match(filter.getCondition(), table.def(), filter.getCluster().getRexBuilder()) != null) {
            return 2;
        }
        return 1;
    }

    /**
     * A recursive query's working table (a scan that is not one of our tables) lives on the host,
     * in the loop that WITH RECURSIVE runs: a join reading it stays there.
     */
    private static boolean readsTransientTable(RelNode node) {
        if (node instanceof TableScan scan && scan.getTable().unwrap(CalciteTable.class) == null) {
            return true;
        }
        for (RelNode input : node.getInputs()) {
            if (readsTransientTable(input)) {
                return true;
            }
        }
        return false;
    }

    /** Side {@code inner} as the looked-up table when its join keys cover its primary key. */
    private static Match side(Join join, int inner, List<Integer> innerKeys, List<Integer> outerKeys) {
        RelNode input = join.getInput(inner);
        Filter filter = null;
        if (input instanceof Filter f && f.getInput() instanceof TableScan) {
            filter = f;
            input = f.getInput();
        }
        if (!(input instanceof TableScan scan)) {
            return null;
        }
        CalciteTable table = scan.getTable().unwrap(CalciteTable.class);
        if (table == null || HostRelations.isHostRead(table.def())) {
            return null;
        }
        int[] outerFields = !table.def().hasPrimaryKey() ? null : covered(table.def().primaryKey(), innerKeys, outerKeys);
        if (outerFields != null) {
            return new Match(inner, scan, filter, outerFields, null);
        }
        for (dev.amelie.compute.catalog.IndexDef index : table.indexes()) {
            int[] byIndex = covered(index.columns(), innerKeys, outerKeys);
            if (byIndex != null) {
                return new Match(inner, scan, filter, byIndex, index);
            }
        }
        return null;
    }

    /** The outer fields equal to each of {@code columns} in turn, or null when the join keys miss one. */
    private static int[] covered(int[] columns, List<Integer> innerKeys, List<Integer> outerKeys) {
        int[] outerFields = new int[columns.length];
        for (int k = 0; k < columns.length; k++) {
            int at = innerKeys.indexOf(columns[k]);
            if (at < 0) {
                return null;
            }
            outerFields[k] = outerKeys.get(at);
        }
        return outerFields;
    }

    /**
     * The join as a program: when both sides are tables joined on both whole primary keys (a row
     * and its match live on the same node), per partition; else over the inner table, with the
     * outer side as source 0. Either way the merge passes the joined rows on (left columns, then
     * right, as the join's).
     */
    static Program lower(Join join, Match match, int[] occurrenceToParameter) {
        RelNode outer = join.getInput(1 - match.inner());
        TableDef inner = match.scan().getTable().unwrap(CalciteTable.class).def();
        TableDef outerTable = match.index() == null ? coPartitionedWith(outer, match, inner) : null;
        if (outerTable != null) {
            SectionLowering node = new SectionLowering(SectionKind.PUSHDOWN, null, join, occurrenceToParameter);
            TableKeyRef other = new TableKeyRef(inner.id(), inner.primaryKey().length);
            node.produce(outer, outerRow -> joinRow(node, join, match, outerRow, keyOf(outerRow, match.outerKeyFields()),
                    (cursor, key) -> node.code().emit(Opcode.LOOKUP_IN, cursor, key, node.code().constant(other))));
            return new Program(Program.StatementKind.SELECT, outerTable.id(), ProgramLowering.routing(node),
                    ProgramLowering.keySection(node, join, occurrenceToParameter), node.code().build(),
                    passOn(join, occurrenceToParameter), List.of());
        }
        Program outerProgram = ProgramLowering.lower(outer, occurrenceToParameter);
        SectionLowering node = new SectionLowering(SectionKind.PUSHDOWN, null, join, occurrenceToParameter, Map.of(outer, 0));
        List<RelDataTypeField> outerFields = outer.getRowType().getFieldList();
        node.produce(outer, outerRow -> {
            int[] key = new int[match.outerKeyFields().length];
            for (int k = 0; k < key.length; k++) {
                int field = match.outerKeyFields()[k];
                SqlType from = TypeMapping.fromCalcite(outerFields.get(field).getType());
                int[] columns = match.index() == null ? inner.primaryKey() : match.index().columns();
                SqlType to = inner.columns().get(columns[k]).type();
                key[k] = from == to ? outerRow[field] : node.expressions().castRegister(outerRow[field], to);
            }
            if (match.index() == null) {
                joinRow(node, join, match, outerRow, key,
                        (cursor, first) -> node.code().emit(Opcode.LOOKUP, cursor, first, key.length));
            } else {
                // Every node reads its partition's index: the index value does not say where a row lives.
                IndexRef index = new IndexRef(match.index().name(), key.length);
                joinRow(node, join, match, outerRow, key,
                        (cursor, first) -> node.code().emit(Opcode.INDEX_LOOKUP, cursor, first, node.code().constant(index)));
            }
        });
        return new Program(Program.StatementKind.SELECT, inner.id(), Program.Routing.ALL, null, node.code().build(), passOn(join, occurrenceToParameter),
                List.of(outerProgram));
    }

    /**
     * The outer side's table when it is read on the nodes too (a scan, filtered or not) and joined
     * on its whole primary key to the inner's, key column by key column, of the same types: then
     * both keys hash to the same slot, and a row's match is in the same node's partition.
     */
    private static TableDef coPartitionedWith(RelNode outer, Match match, TableDef inner) {
        RelNode scan = outer instanceof Filter filter ? filter.getInput() : outer;
        if (!(scan instanceof TableScan tableScan)) {
            return null;
        }
        CalciteTable table = tableScan.getTable().unwrap(CalciteTable.class);
        if (table == null || HostRelations.isHostRead(table.def()) || !table.def().hasPrimaryKey()) {
            return null;
        }
        TableDef def = table.def();
        int[] key = def.primaryKey();
        if (key.length != inner.primaryKey().length) {
            return null;
        }
        for (int k = 0; k < key.length; k++) {
            if (match.outerKeyFields()[k] != key[k]
                    || def.columns().get(key[k]).type() != inner.columns().get(inner.primaryKey()[k]).type()) {
                return null;
            }
        }
        return def;
    }

    private static int[] keyOf(int[] row, int[] fields) {
        int[] key = new int[fields.length];
        for (int k = 0; k < key.length; k++) {
            key[k] = row[fields[k]];
        }
        return key;
    }

    /**
     * Looks the key up ({@code lookup} emits the instruction), then filters, joins and emits each
     * row found: one at most by primary key, any number through an index.
     */
    private static void joinRow(SectionLowering node, Join join, Match match, int[] outerRow, int[] key,
                                java.util.function.BiConsumer<Integer, Integer> lookup) {
        CodeBuilder code = node.code();
        int cursor = code.newCursor();
        lookup.accept(cursor, node.consecutive(key));
        CodeBuilder.Label done = code.newLabel();
        CodeBuilder.Label next = code.newLabel();
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, done);
        int[] innerRow = code.loadRow(cursor, match.scan().getRowType().getFieldCount());
        if (match.filter() != null) {
            int kept = node.expressions().lower(match.filter().getCondition(), innerRow);
            code.emitJump(Opcode.JUMP_FALSE, kept, 0, 0, 2, next);
        }
        int[] joined = match.inner() == 1 ? concat(outerRow, innerRow) : concat(innerRow, outerRow);
        // The whole condition once more over the joined row: its equalities beyond the key and the rest.
        int condition = node.expressions().lower(join.getCondition(), joined);
        code.emitJump(Opcode.JUMP_FALSE, condition, 0, 0, 2, next);
        node.emit(joined, 0);
        code.place(next);
        code.emit(Opcode.JUMP, loop);
        code.place(done);
    }

    /** The merge: the gathered joined rows, as they are (the join is its own gather boundary). */
    private static dev.amelie.vm.program.Code passOn(Join join, int[] occurrenceToParameter) {
        return new SectionLowering(SectionKind.MERGE, join, join, occurrenceToParameter).lowerToOutput(join);
    }

    private static int[] concat(int[] first, int[] second) {
        int[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
