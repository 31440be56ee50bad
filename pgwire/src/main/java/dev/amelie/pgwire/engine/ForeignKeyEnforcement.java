package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.SequenceDraws;
import dev.amelie.compute.executor.StatementOutcome;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.planner.ForeignKeySteps;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.type.SqlType;
import dev.amelie.vm.value.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Enforces foreign keys at the end of each write, as PostgreSQL's immediate constraints are
 * (ri_triggers.c), inside the write's transaction: the transaction declared every node (see
 * TransactionRunner), so the lookups read the other table's partitions wherever they are, with
 * the transaction's own earlier writes. Each lookup and action is a small statement planned
 * through the plan cache and run as a step of the write ({@link Transaction#runStep}), so a
 * replay runs the same steps in the same order and reaches the same outcome.
 *
 * <p>Referencing side (INSERT, UPDATE of the key columns, COPY, upserts): every distinct key of
 * the rows written that has no NULL (MATCH SIMPLE) must be found in the referenced table.
 * Referenced side: for each key a DELETE removed, NO ACTION and RESTRICT fail when a row still
 * references it (both at the end of the statement: no deferred checks here), CASCADE deletes
 * those rows, SET NULL and SET DEFAULT update them (their own steps follow, so the actions go on
 * down the references). An UPDATE that changes referenced columns is checked as NO ACTION over
 * the whole referencing table: no row may reference a key that is gone.
 */
final class ForeignKeyEnforcement {
    private final Planner planner;

    ForeignKeyEnforcement(Planner planner) {
        this.planner = planner;
    }

    /** Runs a data statement, then what its foreign keys require. */
    StatementOutcome run(Transaction transaction, PlannedStatement.Query query, Object[] parameters,
                         SequenceDraws.Recorded draws) {
        StatementOutcome outcome = transaction.run(query.program(), parameters, draws);
        if (query.foreignKeys() != null) {
            afterWrite(transaction, query.foreignKeys(), outcome.written());
        }
        return outcome;
    }

    /** A write whose steps are still to run, with the rows it wrote. */
    private record Pending(ForeignKeySteps steps, List<Object[]> written) {}

    /**
     * Up to this many distinct keys are looked up one by one when the lookup columns are the
     * table's primary key (a point read on one node each); more, or any other columns, and one
     * statement reads them all (a scan of every partition joined with the keys).
     */
    static final int POINT_LOOKUPS = 32;

    /**
     * The steps of a write whose rows were {@code written} (stored, new versions, or deleted), and
     * of the writes its actions make. As PostgreSQL queues its RI triggers (ri_triggers.c runs an
     * action's query with its triggers queued behind the pending ones), a cascaded write's steps
     * run after those of the write that caused it. Within one write, the actions (CASCADE, SET
     * NULL, SET DEFAULT) run first, each over all its keys at once; then the rows are checked in
     * order, each against every constraint, so the first error is the first row's.
     */
    void afterWrite(Transaction transaction, ForeignKeySteps steps, List<Object[]> written) {
        java.util.ArrayDeque<Pending> queue = new java.util.ArrayDeque<>();
        queue.add(new Pending(steps, written));
        while (!queue.isEmpty()) {
            Pending pending = queue.poll();
            run(transaction, pending.steps(), pending.written(), queue);
        }
    }

    private void run(Transaction transaction, ForeignKeySteps steps, List<Object[]> written, java.util.Queue<Pending> queue) {
        TableDef table = current(steps.table().id());
        for (ForeignKey key : steps.checkedWhole()) {
            Object[] orphan = firstOrphan(transaction, table, key);
            if (orphan != null) {
                throw notPresent(table, key, current(key.referencedTable()), orphan);
            }
        }
        if (steps.kind() != Program.StatementKind.DELETE) {
            // A key UPDATE is checked as a whole (NO ACTION): no row may reference a key that is gone.
            for (ForeignKeySteps.Referencing reference : steps.referencing()) {
                TableDef referencing = current(reference.table().id());
                Object[] orphan = firstOrphan(transaction, referencing, reference.key());
                if (orphan != null) {
                    throw stillReferenced(table, reference.key(), referencing, orphan);
                }
            }
        }
        List<ForeignKeySteps.Referencing> deleted = steps.kind() == Program.StatementKind.DELETE ? steps.referencing() : List.of();
        TableDef[] referencingTables = new TableDef[deleted.size()];
        List<Set<List<Object>>> keptReferenced = new ArrayList<>();
        for (int r = 0; r < deleted.size(); r++) {
            ForeignKey key = deleted.get(r).key();
            TableDef referencing = referencingTables[r] = current(deleted.get(r).table().id());
            List<Object[]> keys = distinctKeys(written, key.referencedColumns());
            switch (key.onDelete()) {
                case NO_ACTION, RESTRICT -> keptReferenced.add(found(transaction, referencing, key.columns(), keys));
                case CASCADE -> {
                    keptReferenced.add(Set.of());
                    write(transaction, "delete from " + name(referencing), referencing, key.columns(), keys, queue);
                }
                case SET_NULL, SET_DEFAULT -> {
                    keptReferenced.add(Set.of());
                    StringJoiner set = new StringJoiner(", ", " set ", "");
                    for (int column : key.columns()) {
                        set.add(quoted(referencing.columns().get(column).name())
                                + (key.onDelete() == ForeignKey.Action.SET_NULL ? " = null" : " = default"));
                    }
                    write(transaction, "update " + name(referencing) + set, referencing, key.columns(), keys, queue);
                }
            }
        }
        TableDef[] referencedTables = new TableDef[steps.checked().size()];
        List<Set<List<Object>>> present = new ArrayList<>();
        for (int k = 0; k < referencedTables.length; k++) {
            ForeignKey key = steps.checked().get(k);
            referencedTables[k] = current(key.referencedTable());
            present.add(found(transaction, referencedTables[k], key.referencedColumns(), distinctKeys(written, key.columns())));
        }
        for (Object[] row : written) {
            for (int r = 0; r < deleted.size(); r++) {
                ForeignKey key = deleted.get(r).key();
                Object[] values = keyOf(row, key.referencedColumns());
                if (values != null && keptReferenced.get(r).contains(lookupKey(referencingTables[r], key.columns(), values))) {
                    throw stillReferenced(table, key, referencingTables[r], values);
                }
            }
            for (int k = 0; k < referencedTables.length; k++) {
                ForeignKey key = steps.checked().get(k);
                Object[] values = keyOf(row, key.columns());
                if (values != null && !present.get(k).contains(lookupKey(referencedTables[k], key.referencedColumns(), values))
                        && (!steps.proposed() || holdsProposed(transaction, table, key, row))) {
                    throw notPresent(table, key, referencedTables[k], values);
                }
            }
        }
    }

    /**
     * Which of {@code keys} (values of the other table's columns) some row of {@code table} has
     * in {@code columns}, each as {@link #lookupKey} makes it.
     */
    private Set<List<Object>> found(Transaction transaction, TableDef table, int[] columns, List<Object[]> keys) {
        Set<List<Object>> found = new java.util.HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        SqlType arrayType = columns.length == 1 ? table.columns().get(columns[0]).type().arrayOf() : null;
        boolean pointReads = keys.size() <= POINT_LOOKUPS && Arrays.equals(sorted(columns), sorted(table.primaryKey()));
        if (arrayType == null || pointReads || keys.size() == 1) {
            String sql = "select 1 from " + name(table) + where(table, columns) + " limit 1";
            PlannedStatement.Query lookup = query(sql, types(table, columns));
            for (Object[] key : keys) {
                Object[] parameters = parameters(table, columns, key);
                if (parameters != null && !transaction.runStep(lookup.program(), parameters).rows().isEmpty()) {
                    found.add(comparable(parameters));
                }
            }
            return found;
        }
        // A join with the keys, not = any($1): the host hashes one side, where = any compares each row with every key.
        String column = "t." + quoted(table.columns().get(columns[0]).name());
        String sql = "select distinct " + column + " from " + name(table) + " as t join (select unnest($1) as v) as k on " + column + " = k.v";
        for (Object[] row : transaction.runStep(query(sql, new SqlType[] {arrayType}).program(),
                new Object[] {array(table, columns[0], keys)}).rows()) {
            found.add(comparable(new Object[] {row[0]}));
        }
        return found;
    }

    /**
     * A cascaded write ({@code statement} is its text up to WHERE) of the rows whose
     * {@code columns} hold one of {@code keys}; its own foreign-key steps are queued, so the
     * actions go on down the references.
     */
    private void write(Transaction transaction, String statement, TableDef table, int[] columns, List<Object[]> keys,
                       java.util.Queue<Pending> queue) {
        if (keys.isEmpty()) {
            return;
        }
        SqlType arrayType = columns.length == 1 ? table.columns().get(columns[0]).type().arrayOf() : null;
        if (arrayType != null && keys.size() > 1) {
            String sql = statement + " where " + quoted(table.columns().get(columns[0]).name()) + " = any($1)";
            run(transaction, query(sql, new SqlType[] {arrayType}), new Object[] {array(table, columns[0], keys)}, queue);
            return;
        }
        PlannedStatement.Query write = query(statement + where(table, columns), types(table, columns));
        for (Object[] key : keys) {
            Object[] parameters = parameters(table, columns, key);
            if (parameters != null) {
                run(transaction, write, parameters, queue);
            }
        }
    }

    private static void run(Transaction transaction, PlannedStatement.Query write, Object[] parameters, java.util.Queue<Pending> queue) {
        StatementOutcome outcome = transaction.runStep(write.program(), parameters);
        if (write.foreignKeys() != null) {
            queue.add(new Pending(write.foreignKeys(), outcome.written()));
        }
    }

    /** The keys' single values as an array of the column's type (those it cannot hold left out, they match nothing). */
    private static dev.amelie.vm.value.SqlArray array(TableDef table, int column, List<Object[]> keys) {
        List<Object> elements = new ArrayList<>(keys.size());
        for (Object[] key : keys) {
            Object[] value = parameters(table, new int[] {column}, key);
            if (value != null) {
                elements.add(value[0]);
            }
        }
        return new dev.amelie.vm.value.SqlArray(elements.toArray());
    }

    /** A key as it is looked up in {@code columns} of {@code table}: its values as their types; none for a value they cannot hold. */
    private static List<Object> lookupKey(TableDef table, int[] columns, Object[] values) {
        Object[] parameters = parameters(table, columns, values);
        return parameters == null ? List.of() : comparable(parameters);
    }

    /** Values that are equal when SQL says so: numeric 1.5 and 1.50 alike. */
    private static List<Object> comparable(Object[] values) {
        Object[] normalized = values.clone();
        for (int i = 0; i < normalized.length; i++) {
            if (normalized[i] instanceof java.math.BigDecimal decimal) {
                normalized[i] = decimal.signum() == 0 ? java.math.BigDecimal.ZERO : decimal.stripTrailingZeros();
            }
        }
        return Arrays.asList(normalized);
    }

    private static int[] sorted(int[] columns) {
        int[] sorted = columns.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The distinct keys of {@code rows} in {@code columns}, in the rows' order, leaving out those with a NULL (MATCH SIMPLE). */
    private static List<Object[]> distinctKeys(List<Object[]> rows, int[] columns) {
        Set<List<Object>> seen = new java.util.LinkedHashSet<>();
        for (Object[] row : rows) {
            Object[] values = keyOf(row, columns);
            if (values != null) {
                seen.add(Arrays.asList(values));
            }
        }
        return seen.stream().map(List::toArray).toList();
    }

    /** The key of {@code row} in {@code columns}; null when it has a NULL. */
    private static Object[] keyOf(Object[] row, int[] columns) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = row[columns[i]];
            if (values[i] == null) {
                return null;
            }
        }
        return values;
    }

    /**
     * Whether an INSERT … ON CONFLICT stored its proposed {@code row} with the key of {@code key}:
     * the table holds a row of the row's primary key with that key. Without a primary key, assumed.
     */
    private boolean holdsProposed(Transaction transaction, TableDef table, ForeignKey key, Object[] row) {
        if (!table.hasPrimaryKey()) {
            return true;
        }
        int[] columns = java.util.stream.IntStream.concat(Arrays.stream(table.primaryKey()), Arrays.stream(key.columns())).toArray();
        Object[] values = Arrays.stream(columns).mapToObj(c -> row[c]).toArray();
        return exists(transaction, table, columns, values);
    }

    /**
     * A row of {@code referencing} whose key (no NULL in it) has no row in the referenced table:
     * what ALTER TABLE … ADD FOREIGN KEY must not find, and a key UPDATE must not leave. Null when none.
     */
    Object[] firstOrphan(Transaction transaction, TableDef referencing, ForeignKey key) {
        TableDef referenced = current(key.referencedTable());
        StringJoiner select = new StringJoiner(", ", "select ", "");
        StringJoiner notNull = new StringJoiner(" and ");
        StringJoiner matches = new StringJoiner(" and ");
        for (int i = 0; i < key.columns().length; i++) {
            String column = "r." + quoted(referencing.columns().get(key.columns()[i]).name());
            select.add(column);
            notNull.add(column + " is not null");
            matches.add("t." + quoted(referenced.columns().get(key.referencedColumns()[i]).name()) + " = " + column);
        }
        String sql = select + " from " + name(referencing) + " as r where " + notNull + " and not exists (select 1 from "
                + name(referenced) + " as t where " + matches + ") limit 1";
        List<Object[]> rows = transaction.runStep(query(sql, new SqlType[0]).program(), new Object[0]).rows();
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /** Whether a row of {@code table} has {@code values} in {@code columns}. */
    private boolean exists(Transaction transaction, TableDef table, int[] columns, Object[] values) {
        String sql = "select 1 from " + name(table) + where(table, columns) + " limit 1";
        Object[] parameters = parameters(table, columns, values);
        return parameters != null && !transaction.runStep(query(sql, types(table, columns)).program(), parameters).rows().isEmpty();
    }

    private PlannedStatement.Query query(String sql, SqlType[] types) {
        if (!(planner.plan(sql, types) instanceof PlannedStatement.Query query)) {
            throw new IllegalStateException("not a data statement: " + sql);
        }
        return query;
    }

    private static String where(TableDef table, int[] columns) {
        StringJoiner where = new StringJoiner(" and ", " where ", "");
        for (int i = 0; i < columns.length; i++) {
            where.add(quoted(table.columns().get(columns[i]).name()) + " = $" + (i + 1));
        }
        return where.toString();
    }

    private static SqlType[] types(TableDef table, int[] columns) {
        return Arrays.stream(columns).mapToObj(c -> table.columns().get(c).type()).toArray(SqlType[]::new);
    }

    /**
     * The key's values as the types of the columns they are compared with (bigint with int …);
     * null when one does not fit (a bigint beyond int's range): no row can hold that key.
     */
    private static Object[] parameters(TableDef table, int[] columns, Object[] values) {
        Object[] parameters = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            ColumnDef column = table.columns().get(columns[i]);
            try {
                // Keys pair comparable types (int with bigint …); a timestamp key read as a
                // timestamptz one would be read in UTC, not the session's zone.
                parameters[i] = Values.cast(values[i], column.type(), java.time.ZoneOffset.UTC);
            } catch (SqlException doesNotFit) {
                return null;
            }
        }
        return parameters;
    }

    private TableDef current(long tableId) {
        Table table = planner.catalog().table(tableId);
        if (table == null) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation with id " + tableId + " does not exist (dropped meanwhile)");
        }
        return table.def();
    }

    /** 23503 of the referencing side, as ri_ReportViolation words it. */
    static SqlException notPresent(TableDef table, ForeignKey key, TableDef referenced, Object[] values) {
        return new SqlException(SqlState.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + table.name()
                + "\" violates foreign key constraint \"" + key.name() + "\"",
                "Key (" + names(table, key.columns()) + ")=(" + text(values) + ") is not present in table \"" + referenced.name() + "\".",
                null, 0, null);
    }

    /** 23503 of the referenced side. */
    private static SqlException stillReferenced(TableDef table, ForeignKey key, TableDef referencing, Object[] values) {
        return new SqlException(SqlState.FOREIGN_KEY_VIOLATION, "update or delete on table \"" + table.name()
                + "\" violates foreign key constraint \"" + key.name() + "\" on table \"" + referencing.name() + "\"",
                "Key (" + names(table, key.referencedColumns()) + ")=(" + text(values) + ") is still referenced from table \""
                        + referencing.name() + "\".", null, 0, null);
    }

    private static String names(TableDef table, int[] columns) {
        StringJoiner names = new StringJoiner(", ");
        for (int column : columns) {
            names.add(table.columns().get(column).name());
        }
        return names.toString();
    }

    private static String text(Object[] values) {
        StringJoiner text = new StringJoiner(", ");
        for (Object value : values) {
            text.add(value == null ? "null" : Values.toOutputText(value));
        }
        return text.toString();
    }

    static String name(TableDef table) {
        return quoted(table.schema()) + "." + quoted(table.name());
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
