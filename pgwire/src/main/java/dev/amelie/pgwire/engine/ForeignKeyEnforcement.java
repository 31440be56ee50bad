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
 * <p>Referencing side (INSERT, UPDATE of the key columns): every distinct key of the rows
 * written that has no NULL (MATCH SIMPLE) must be found in the referenced table. Referenced side:
 * for each key a DELETE removed, NO ACTION and RESTRICT fail when a row still references it,
 * CASCADE deletes those rows, SET NULL and SET DEFAULT update them (through this same class, so
 * the actions go on down the references). An UPDATE that changes referenced columns is checked
 * as NO ACTION over the whole referencing table: no row may reference a key that is gone.
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
     * The steps of a write whose rows were {@code written} (stored, new versions, or deleted), and
     * of the writes its actions make. As PostgreSQL queues its RI triggers (the queries of an
     * action queue theirs behind the ones pending, ri_triggers.c), the steps run row by row,
     * each row's referenced-side steps before its referencing-side checks, and a cascaded write's
     * steps after those of the write that caused it: the first error is the one PostgreSQL reports.
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
        int references = steps.referencing().size();
        List<Set<List<Object>>> seen = new ArrayList<>();
        for (int i = 0; i < references + steps.checked().size(); i++) {
            seen.add(new java.util.HashSet<>());
        }
        if (steps.kind() == Program.StatementKind.UPDATE) {
            // A key UPDATE is checked as a whole (NO ACTION): no row may reference a key that is gone.
            for (ForeignKeySteps.Referencing reference : steps.referencing()) {
                TableDef referencing = current(reference.table().id());
                Object[] orphan = firstOrphan(transaction, referencing, reference.key());
                if (orphan != null) {
                    throw stillReferenced(table, reference.key(), referencing, orphan);
                }
            }
        }
        for (Object[] row : written) {
            for (int r = 0; r < references && steps.kind() == Program.StatementKind.DELETE; r++) {
                ForeignKeySteps.Referencing reference = steps.referencing().get(r);
                Object[] values = keyOf(row, reference.key().referencedColumns(), seen.get(r));
                if (values != null) {
                    referencedRowGone(transaction, table, current(reference.table().id()), reference.key(), values, queue);
                }
            }
            for (int k = 0; k < steps.checked().size(); k++) {
                ForeignKey key = steps.checked().get(k);
                Object[] values = keyOf(row, key.columns(), seen.get(references + k));
                if (values == null) {
                    continue;
                }
                TableDef referenced = current(key.referencedTable());
                if (!exists(transaction, referenced, key.referencedColumns(), values)
                        && (!steps.proposed() || holdsProposed(transaction, table, key, row))) {
                    throw notPresent(table, key, referenced, values);
                }
            }
        }
    }

    /** A DELETE removed the referenced key {@code values}: what the constraint says to do. */
    private void referencedRowGone(Transaction transaction, TableDef table, TableDef referencing, ForeignKey key,
                                   Object[] values, java.util.Queue<Pending> queue) {
        switch (key.onDelete()) {
            case NO_ACTION, RESTRICT -> {
                if (exists(transaction, referencing, key.columns(), values)) {
                    throw stillReferenced(table, key, referencing, values);
                }
            }
            case CASCADE -> write(transaction, "delete from " + name(referencing) + where(referencing, key.columns()),
                    referencing, key.columns(), values, queue);
            case SET_NULL, SET_DEFAULT -> {
                StringJoiner set = new StringJoiner(", ", " set ", "");
                for (int column : key.columns()) {
                    set.add(quoted(referencing.columns().get(column).name())
                            + (key.onDelete() == ForeignKey.Action.SET_NULL ? " = null" : " = default"));
                }
                write(transaction, "update " + name(referencing) + set + where(referencing, key.columns()),
                        referencing, key.columns(), values, queue);
            }
        }
    }

    /** The key of {@code row} in {@code columns}; null when it has a NULL (MATCH SIMPLE) or was seen already. */
    private static Object[] keyOf(Object[] row, int[] columns, Set<List<Object>> seen) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = row[columns[i]];
            if (values[i] == null) {
                return null;
            }
        }
        return seen.add(Arrays.asList(values)) ? values : null;
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
        return !transaction.runStep(query(sql, types(table, columns)).program(), parameters).rows().isEmpty();
    }

    /** A cascaded write: its own foreign-key steps are queued, so the actions go on down. */
    private void write(Transaction transaction, String sql, TableDef table, int[] columns, Object[] values,
                       java.util.Queue<Pending> queue) {
        PlannedStatement.Query write = query(sql, types(table, columns));
        StatementOutcome outcome = transaction.runStep(write.program(), parameters(table, columns, values));
        if (write.foreignKeys() != null) {
            queue.add(new Pending(write.foreignKeys(), outcome.written()));
        }
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

    /** The key's values as the types of the columns they are compared with (int with bigint, text with varchar …). */
    private static Object[] parameters(TableDef table, int[] columns, Object[] values) {
        Object[] parameters = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            ColumnDef column = table.columns().get(columns[i]);
            parameters[i] = Values.cast(values[i], column.type());
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
            text.add(value == null ? "null" : Values.toText(value));
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
