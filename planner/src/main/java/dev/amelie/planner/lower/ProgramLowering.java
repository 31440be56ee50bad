package dev.amelie.planner.lower;

import dev.amelie.vm.error.SqlState;

import dev.amelie.vm.error.SqlException;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.planner.catalog.CalciteTable;
import dev.amelie.planner.catalog.HostRelations;
import dev.amelie.planner.catalog.TypeMapping;
import dev.amelie.vm.program.Code;
import dev.amelie.vm.program.CodeBuilder;
import dev.amelie.vm.program.Opcode;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.program.RowSourceKind;
import dev.amelie.vm.type.SqlType;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexSubQuery;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;

/**
 * Lowers a validated relational plan to a {@link Program}: decides what runs on the compute
 * nodes (scan, filter, projection, partial aggregate, row changes) and what on the host
 * (INSERT's input rows, the final aggregate, sort and limit), then lowers each part.
 */
public final class ProgramLowering {
    private ProgramLowering() {}

    public static Program lower(RelNode root, int[] occurrenceToParameter) {
        return lower(root, occurrenceToParameter, TableChecks.NONE);
    }

    /** As {@link #lower(RelNode, int[])}; a write to a table with CHECK constraints keeps {@code checks}. */
    public static Program lower(RelNode root, int[] occurrenceToParameter, TableChecks checks) {
        if (root instanceof TableModify modify) {
            return lowerModify(modify, occurrenceToParameter, false, checks);
        }
        List<TableScan> scans = new ArrayList<>();
        collectScans(root, scans);
        if (scans.isEmpty()) {
            Code merge = new SectionLowering(SectionKind.HOST, null, root, occurrenceToParameter).lowerToOutput(root);
            return new Program(Program.StatementKind.SELECT, 0, Program.Routing.NONE, null, null, merge);
        }
        if (scans.size() > 1 || NestedQueries.anyIn(root) || combinesInputs(root)) {
            return lowerOverSeveralTables(root, occurrenceToParameter);
        }
        TableScan scan = scans.getFirst();
        RelNode boundary = gatherBoundary(root, scan);
        SectionLowering node = new SectionLowering(SectionKind.PUSHDOWN, boundary, root, occurrenceToParameter);
        Code pushdown = node.lowerToOutput(topRowsOnEachNode(root, boundary));
        Code merge = new SectionLowering(SectionKind.MERGE, boundary, root, occurrenceToParameter).lowerToOutput(root);
        TableDef def = tableOf(scan.getTable());
        if (HostRelations.isHostRead(def)) {
            // No node holds a system view: the host reads it, as it is now, and runs the pushdown over it.
            return new Program(Program.StatementKind.SELECT, def.id(), Program.Routing.HOST, null, pushdown, merge);
        }
        return new Program(Program.StatementKind.SELECT, def.id(), routing(node),
                keySection(node, root, occurrenceToParameter), pushdown, merge);
    }

    /**
     * As {@link #lower(RelNode, int[], TableChecks)}, for a write whose foreign keys need the rows
     * it changed: an UPDATE's pushdown also emits the new row versions, a DELETE's the deleted rows.
     */
    public static Program lowerEmittingRows(RelNode root, int[] occurrenceToParameter, TableChecks checks) {
        if (root instanceof TableModify modify && modify.getOperation() != TableModify.Operation.INSERT) {
            return lowerModify(modify, occurrenceToParameter, true, checks);
        }
        return lower(root, occurrenceToParameter, checks);
    }

    /**
     * A query over several tables (joins, subqueries): each largest subtree over one table that
     * needs nothing from outside it becomes a program of its own (its scans, filters and
     * projections run on the nodes as usual); the host runs them first and combines their rows
     * (the joins, the subqueries and whatever is above them). A subtree that reads a correlation
     * variable (the outer row of a correlated subquery) stays on the host, which re-runs it per
     * outer row over the rows of the largest subtrees under it.
     */
    private static Program lowerOverSeveralTables(RelNode root, int[] occurrenceToParameter) {
        Map<RelNode, Integer> leaves = new IdentityHashMap<>();
        List<Program> sources = new ArrayList<>();
        assignSources(root, leaves, sources, occurrenceToParameter);
        SectionLowering host = new SectionLowering(SectionKind.HOST, null, root, occurrenceToParameter, leaves);
        Code merge = host.lowerToOutput(root);
        return new Program(Program.StatementKind.SELECT, 0, Program.Routing.NONE, null, null, merge, sources);
    }

    static void assignSources(RelNode node, Map<RelNode, Integer> leaves, List<Program> sources,
                                      int[] occurrenceToParameter) {
        List<TableScan> scans = new ArrayList<>();
        collectScans(node, scans);
        if (scans.isEmpty()) {
            return;
        }
        if (scans.size() == 1 && !NestedQueries.anyIn(node) && NestedQueries.freeVariables(node).isEmpty()
                && !combinesInputs(node)) {
            leaves.put(node, sources.size());
            sources.add(lower(node, occurrenceToParameter));
            return;
        }
        if (node instanceof org.apache.calcite.rel.core.Join join && NestedQueries.freeVariables(node).isEmpty()
                && NestedQueries.of(node).isEmpty()) {
            LookupJoinLowering.Match lookup = LookupJoinLowering.match(join);
            if (lookup != null) {
                leaves.put(node, sources.size());
                sources.add(LookupJoinLowering.lower(join, lookup, occurrenceToParameter));
                return;
            }
        }
        for (RexSubQuery subQuery : NestedQueries.of(node)) {
            assignSources(subQuery.rel, leaves, sources, occurrenceToParameter);
        }
        for (RelNode input : node.getInputs()) {
            assignSources(input, leaves, sources, occurrenceToParameter);
        }
    }

    /**
     * A join or a set operation combines inputs on the host, even when only one of them reads a
     * table (a join with a VALUES list, a UNION with a constant row).
     */
    private static boolean combinesInputs(RelNode rel) {
        if (rel instanceof org.apache.calcite.rel.core.Join || rel instanceof org.apache.calcite.rel.core.SetOp
                || rel instanceof org.apache.calcite.rel.core.Correlate || rel instanceof org.apache.calcite.rel.core.RepeatUnion) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (combinesInputs(input)) {
                return true;
            }
        }
        return false;
    }

    /** ALL partitions, or the one owning the key when the pushdown reads by key. */
    static Program.Routing routing(SectionLowering pushdown) {
        return pushdown.lookupKey() == null ? Program.Routing.ALL : Program.Routing.BY_KEY;
    }

    /** For a read by key: the host section that computes the key, so the executor can pick the node. */
    static Code keySection(SectionLowering pushdown, RelNode root, int[] occurrenceToParameter) {
        KeyLookup key = pushdown.lookupKey();
        if (key == null) {
            return null;
        }
        SectionLowering host = new SectionLowering(SectionKind.HOST, null, root, occurrenceToParameter);
        int[] registers = new int[key.keyValues().length];
        for (int i = 0; i < registers.length; i++) {
            registers[i] = host.expressions().lower(key.keyValues()[i], new int[0]);
        }
        host.emit(registers, 0);
        return host.code().build();
    }

    /**
     * {@code emitRows}: UPDATE's pushdown also emits each new row version and DELETE's each
     * deleted row, for a RETURNING list to project (INSERT's stored rows reach its merge anyway).
     */
    private static Program lowerModify(TableModify modify, int[] occurrenceToParameter, boolean emitRows, TableChecks checks) {
        TableDef def = tableOf(modify.getTable());
        if (HostRelations.isHostRead(def)) {
            String verb = switch (modify.getOperation()) {
                case INSERT -> "insert into";
                case DELETE -> "delete from";
                default -> "update";
            };
            throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cannot " + verb + " view \"" + def.name() + "\"",
                    "Views that do not select from a single table or view are not automatically updatable.", null, 0, null);
        }
        RelNode input = modify.getInput();
        if (modify.getOperation() == TableModify.Operation.INSERT) {
            return lowerInsert(modify, occurrenceToParameter, insertPushdown(def, checks));
        }
        modify = ModifySources.withOwnSpine(modify);
        input = modify.getInput();
        ModifySources modifySources = ModifySources.of(modify, occurrenceToParameter);
        List<Program> sources = modifySources.programs();
        boolean joined = modifySources.joined();
        return switch (modify.getOperation()) {
            case UPDATE -> {
                SectionLowering node = new SectionLowering(SectionKind.PUSHDOWN, null, modify, occurrenceToParameter,
                        modifySources.leaves());
                List<String> updated = modify.getUpdateColumnList();
                List<RelDataTypeField> fields = input.getRowType().getFieldList();
                int width = def.columns().size();
                node.produce(input, row -> {
                    int[] newRow = new int[width];
                    for (int i = 0; i < width; i++) {
                        int j = updated.indexOf(def.columns().get(i).name());
                        newRow[i] = j < 0 ? row[i] : coerce(node, row[width + j],
                                TypeMapping.fromCalcite(fields.get(width + j).getType()), def.columns().get(i).type());
                    }
                    int first = node.consecutive(newRow);
                    CheckLowering.emit(node.code(), checks, first);
                    node.code().emit(Opcode.UPDATE, node.scanCursor(), first, width);
                    if (emitRows) {
                        // The row as stored, read back through the cursor: fitted to numeric(p, s) and char(n).
                        node.code().emit(Opcode.EMIT, node.code().loadRow(node.scanCursor(), width)[0], width, 0);
                    }
                    if (joined) {
                        node.continueWithNextScanRow();
                    }
                });
                Code pushdown = node.code().build();
                yield new Program(Program.StatementKind.UPDATE, def.id(), routing(node),
                        keySection(node, modify, occurrenceToParameter), pushdown, null, sources);
            }
            case DELETE -> {
                SectionLowering node = new SectionLowering(SectionKind.PUSHDOWN, null, modify, occurrenceToParameter,
                        modifySources.leaves());
                int width = def.columns().size();
                node.produce(input, row -> {
                    if (emitRows) {
                        node.code().emit(Opcode.EMIT, node.consecutive(java.util.Arrays.copyOf(row, width)), width, 0);
                    }
                    node.code().emit(Opcode.DELETE, node.scanCursor());
                    if (joined) {
                        node.continueWithNextScanRow();
                    }
                });
                Code pushdown = node.code().build();
                yield new Program(Program.StatementKind.DELETE, def.id(), routing(node),
                        keySection(node, modify, occurrenceToParameter), pushdown, null, sources);
            }
            default -> throw ExpressionLowering.unsupported(modify.getOperation().name());
        };
    }

    /** INSERT: the host produces (and routes) the rows, {@code pushdown} stores them on each node. */
    private static Program lowerInsert(TableModify modify, int[] occurrenceToParameter, Code pushdown) {
        TableDef def = tableOf(modify.getTable());
        RelNode input = modify.getInput();
        List<TableScan> scans = new ArrayList<>();
        collectScans(input, scans);
        // INSERT … SELECT from a table: the query runs first as a program of its own,
        // and the input section reads its rows.
        Program source = scans.isEmpty() ? null : lower(input, occurrenceToParameter);
        List<Program> sources = source == null ? List.of() : List.of(source);
        SectionLowering host = new SectionLowering(SectionKind.HOST, null, modify, occurrenceToParameter);
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RowSink insertRow = row -> {
            int[] typed = new int[row.length];
            for (int i = 0; i < row.length; i++) {
                typed[i] = coerce(host, row[i], TypeMapping.fromCalcite(fields.get(i).getType()), def.columns().get(i).type());
            }
            host.emit(typed, 0);
        };
        if (source == null) {
            host.produce(input, insertRow);
        } else {
            host.scanSource(0, fields.size(), insertRow);
        }
        return new Program(Program.StatementKind.INSERT, def.id(), Program.Routing.BY_ROW_KEY,
                host.code().build(), pushdown, null, sources);
    }

    /**
     * INSERT … ON CONFLICT: as INSERT, with a pushdown that does {@code action} when a row's key
     * exists (see {@link UpsertLowering}).
     */
    public static Program lowerUpsert(RelNode statement, int[] occurrenceToParameter, ConflictAction action,
                                      TableChecks checks) {
        if (!(statement instanceof TableModify modify) || modify.getOperation() != TableModify.Operation.INSERT) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "syntax error at or near \"on\"");
        }
        return lowerInsert(modify, occurrenceToParameter, UpsertLowering.pushdown(tableOf(modify.getTable()), action, checks));
    }

    /** Converts a value to the column's type when the expression's type differs. */
    private static int coerce(SectionLowering section, int register, SqlType from, SqlType to) {
        return from == to ? register : section.expressions().castRegister(register, to);
    }

    /**
     * INSERT … RETURNING: the same INSERT whose merge section projects the stored rows (the
     * executor hands an INSERT's merge the rows it stored, in order) through {@code projection},
     * a plan of {@code SELECT list FROM table}.
     */
    /**
     * A data statement with a RETURNING list: {@code projection} is a plan of
     * {@code SELECT list FROM table}; it becomes the merge section over the rows the statement
     * stored (INSERT, in order), updated (new versions) or deleted.
     */
    public static Program lowerReturning(RelNode statement, int[] occurrenceToParameter, RelNode projection,
                                         TableChecks checks) {
        if (!(statement instanceof TableModify modify)) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "RETURNING belongs to INSERT, UPDATE or DELETE");
        }
        return withReturning(lowerModify(modify, occurrenceToParameter, true, checks), projection);
    }

    private static Program withReturning(Program insert, RelNode projection) {
        RelNode scan = projection;
        while (!(scan instanceof TableScan)) {
            if (scan.getInputs().size() != 1) {
                throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "this RETURNING list is not supported yet");
            }
            scan = scan.getInput(0);
        }
        Code merge = new SectionLowering(SectionKind.MERGE, scan, projection, new int[0]).lowerToOutput(projection);
        return new Program(insert.kind(), insert.tableId(), insert.routing(), insert.input(), insert.pushdown(), merge,
                insert.sources());
    }

    /** On each node: insert every routed row (hidden row id included) into the partition. */
    static Code insertPushdown(TableDef def, TableChecks checks) {
        CodeBuilder code = new CodeBuilder();
        int cursor = code.newCursor();
        code.emit(Opcode.OPEN, cursor, RowSourceKind.INPUT.ordinal(), 0);
        CodeBuilder.Label end = code.newLabel();
        int loop = code.position();
        code.emitJump(Opcode.NEXT, cursor, 0, 0, 2, end);
        int width = def.storedWidth();
        int first = code.loadRow(cursor, width)[0];
        CheckLowering.emit(code, checks, first);
        code.emit(Opcode.INSERT, first, width);
        code.emit(Opcode.JUMP, loop);
        code.place(end);
        return code.build();
    }

    /**
     * ORDER BY … LIMIT (or LIMIT alone) right above the gather boundary: each node sends only its
     * first OFFSET + LIMIT rows in that order, and the host sorts what they sent and applies
     * OFFSET and LIMIT as before: a top-N per partition instead of every row to the host. What
     * the pushdown lowers; {@code boundary} itself when no such LIMIT is there.
     */
    private static RelNode topRowsOnEachNode(RelNode root, RelNode boundary) {
        if (boundary instanceof Aggregate) {
            return boundary;
        }
        org.apache.calcite.rel.core.Sort sort = parentSort(root, boundary);
        if (sort == null || sort.fetch == null) {
            return boundary;
        }
        org.apache.calcite.rex.RexBuilder rex = sort.getCluster().getRexBuilder();
        org.apache.calcite.rex.RexNode rows = sort.offset == null ? sort.fetch
                : rex.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.PLUS, sort.offset, sort.fetch);
        return sort.copy(sort.getTraitSet(), boundary, sort.getCollation(), null, rows);
    }

    private static org.apache.calcite.rel.core.Sort parentSort(RelNode node, RelNode child) {
        for (RelNode input : node.getInputs()) {
            if (input == child) {
                return node instanceof org.apache.calcite.rel.core.Sort sort ? sort : null;
            }
            org.apache.calcite.rel.core.Sort found = parentSort(input, child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * The highest operator above the scan that still runs per partition: filters and projections
     * stack on the scan, and an ungrouped aggregate on top of them splits into partial and final
     * (unless it has avg: then the host aggregates the gathered rows).
     */
    private static RelNode gatherBoundary(RelNode root, TableScan scan) {
        List<RelNode> path = new ArrayList<>();
        if (!pathTo(root, scan, path)) {
            throw new IllegalStateException("scan not under root");
        }
        // path runs root … scan
        int i = path.size() - 1;
        while (i > 0 && (path.get(i - 1) instanceof Filter || path.get(i - 1) instanceof Project)) {
            i--;
        }
        if (i > 0 && path.get(i - 1) instanceof Aggregate aggregate && aggregate.getGroupSet().isEmpty()
                && AggregateLowering.splits(aggregate)) {
            AggregateLowering.checkSupported(aggregate);
            i--;
        }
        return path.get(i);
    }

    private static boolean pathTo(RelNode node, RelNode target, List<RelNode> path) {
        path.add(node);
        if (node == target) {
            return true;
        }
        for (RelNode input : node.getInputs()) {
            if (pathTo(input, target, path)) {
                return true;
            }
        }
        path.removeLast();
        return false;
    }

    /**
     * The table scans of the tree, those of its subqueries included; not the scans of a
     * recursive query's working table, which the host holds (RecursiveUnionLowering).
     */
    private static void collectScans(RelNode node, List<TableScan> scans) {
        if (node instanceof TableScan scan && scan.getTable().unwrap(CalciteTable.class) != null) {
            scans.add(scan);
        }
        for (RexSubQuery subQuery : NestedQueries.of(node)) {
            collectScans(subQuery.rel, scans);
        }
        for (RelNode input : node.getInputs()) {
            collectScans(input, scans);
        }
    }

    private static TableDef tableOf(RelOptTable table) {
        CalciteTable calciteTable = table.unwrap(CalciteTable.class);
        if (calciteTable == null) {
            throw new IllegalStateException("not one of our tables: " + table.getQualifiedName());
        }
        return calciteTable.def();
    }
}
