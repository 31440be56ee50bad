package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.ForeignKey;
import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.planner.ddl.ConstraintNames;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds a FOREIGN KEY to a table (CREATE TABLE, ALTER TABLE … ADD) with PostgreSQL 15's checks
 * and errors (ATAddForeignKeyConstraint in tablecmds.c): the referenced table exists, its
 * columns are its primary key or a UNIQUE constraint, the column types can be compared, and,
 * when the table has rows, every one of them has its key in the referenced table.
 */
final class ForeignKeyDefinition {
    private final Planner planner;
    private final ForeignKeyEnforcement enforcement;

    ForeignKeyDefinition(Planner planner, ForeignKeyEnforcement enforcement) {
        this.planner = planner;
        this.enforcement = enforcement;
    }

    /** Adds the constraint to the table {@code name}; {@code validate}: its rows are checked first. */
    void add(Transaction transaction, PlannedStatement.QualifiedName name, PlannedStatement.NewForeignKey written,
             boolean validate) {
        Catalog catalog = planner.catalog();
        TableDef def = planner.table(name);
        PlannedStatement.QualifiedName target = written.referenced();
        TableDef referenced = target.schema().equals(def.schema()) && target.name().equals(def.name()) ? def
                : planner.table(target);
        if (referenced == null) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + target.name() + "\" does not exist");
        }
        int[] columns = positions(def, written.columns());
        int[] referencedColumns;
        if (written.referencedColumns().isEmpty()) {
            if (!referenced.hasPrimaryKey()) {
                throw new SqlException(SqlState.INVALID_FOREIGN_KEY, "there is no primary key for referenced table \""
                        + referenced.name() + "\"");
            }
            referencedColumns = referenced.primaryKey();
        } else {
            referencedColumns = positions(referenced, written.referencedColumns());
        }
        if (columns.length != referencedColumns.length) {
            throw new SqlException(SqlState.INVALID_FOREIGN_KEY,
                    "number of referencing and referenced columns for foreign key disagree");
        }
        if (!written.referencedColumns().isEmpty() && !isUniqueKey(catalog, referenced, referencedColumns)) {
            throw new SqlException(SqlState.INVALID_FOREIGN_KEY, "there is no unique constraint matching given keys for referenced table \""
                    + referenced.name() + "\"");
        }
        String constraint = written.name();
        if (constraint == null) {
            constraint = ConstraintNames.foreignKey(def, written.columns(), catalog);
        } else if (ConstraintNames.ofTable(def, catalog).contains(constraint)) {
            throw new SqlException(SqlState.DUPLICATE_OBJECT, "constraint \"" + constraint + "\" for relation \"" + def.name()
                    + "\" already exists");
        }
        for (int i = 0; i < columns.length; i++) {
            SqlType from = def.columns().get(columns[i]).type();
            SqlType to = referenced.columns().get(referencedColumns[i]).type();
            if (!comparable(from, to)) {
                throw new SqlException(SqlState.DATATYPE_MISMATCH, "foreign key constraint \"" + constraint + "\" cannot be implemented",
                        "Key columns \"" + def.columns().get(columns[i]).name() + "\" and \""
                                + referenced.columns().get(referencedColumns[i]).name() + "\" are of incompatible types: "
                                + from.sqlName() + " and " + to.sqlName() + ".", null, 0, null);
            }
        }
        ForeignKey key = new ForeignKey(constraint, columns, referenced.id(), referencedColumns, written.onDelete(),
                written.onUpdate());
        if (validate) {
            Object[] orphan = enforcement.firstOrphan(transaction, def, key);
            if (orphan != null) {
                throw ForeignKeyEnforcement.notPresent(def, key, referenced, orphan);
            }
        }
        List<ForeignKey> keys = new ArrayList<>(def.foreignKeys());
        keys.add(key);
        transaction.redefineTable(def.schema(), def.name(), current -> current.withForeignKeys(keys));
    }

    /**
     * The constraints of other tables that reference {@code def} (its own left out): what DROP
     * TABLE must not leave behind, and TRUNCATE must not empty under.
     */
    static List<Catalog.Reference> referencesFromOthers(Catalog catalog, TableDef def) {
        return catalog.referencesTo(def.id()).stream().filter(r -> r.referencing().def().id() != def.id()).toList();
    }

    /** Removes one constraint from the table that holds it (DROP TABLE … CASCADE of the table it references). */
    static void drop(Transaction transaction, TableDef holder, String constraint) {
        transaction.redefineTable(holder.schema(), holder.name(), current -> current.withForeignKeys(
                current.foreignKeys().stream().filter(k -> !k.name().equals(constraint)).toList()));
    }

    /**
     * Before DROP COLUMN of {@code position}: the constraints that reference that column fail it
     * (2BP01, as dependency.c words it) or, with CASCADE, go (a NOTICE says so); the other
     * constraints of other tables that reference the table follow its columns to their new
     * positions. Its own constraints follow in {@code Table#withoutColumn}.
     */
    static List<dev.amelie.pgwire.session.QueryEngine.Notice> beforeDropColumn(Transaction transaction, Catalog catalog,
                                                                               TableDef def, int position, boolean cascade) {
        List<Catalog.Reference> dependent = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Catalog.Reference reference : catalog.referencesTo(def.id())) {
            boolean own = reference.referencing().def().id() == def.id();
            if (reference.key().references(position) && !(own && reference.key().uses(position))) {
                dependent.add(reference);
                names.add("constraint " + reference.key().name() + " on table " + reference.referencing().def().name());
            }
        }
        String column = def.columns().get(position).name();
        if (!dependent.isEmpty() && !cascade) {
            throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop column " + column + " of table " + def.name()
                    + " because other objects depend on it", String.join("\n", names.stream()
                    .map(n -> n + " depends on column " + column + " of table " + def.name()).toList()),
                    "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
        }
        for (Catalog.Reference reference : dependent) {
            TableDef holder = reference.referencing().def();
            drop(transaction, holder, reference.key().name());
        }
        for (Catalog.Reference reference : catalog.referencesTo(def.id())) {
            if (reference.referencing().def().id() == def.id() || dependent.contains(reference)) {
                continue;
            }
            TableDef holder = reference.referencing().def();
            transaction.redefineTable(holder.schema(), holder.name(), current -> current.withForeignKeys(current.foreignKeys().stream()
                    .map(k -> k.referencedTable() != def.id() ? k : new ForeignKey(k.name(), k.columns(), k.referencedTable(),
                            Arrays.stream(k.referencedColumns()).map(c -> c > position ? c - 1 : c).toArray(), k.onDelete(),
                            k.onUpdate())).toList()));
        }
        List<dev.amelie.pgwire.session.QueryEngine.Notice> notices = new ArrayList<>();
        if (names.size() == 1) {
            notices.add(dev.amelie.pgwire.session.QueryEngine.Notice.notice("drop cascades to " + names.getFirst()));
        } else if (names.size() > 1) {
            notices.add(dev.amelie.pgwire.session.QueryEngine.Notice.notice("drop cascades to " + names.size() + " other objects",
                    "drop cascades to " + String.join("\ndrop cascades to ", names)));
        }
        return notices;
    }

    /**
     * The constraints that rely on a UNIQUE index (as "constraint X on table Y depends on index
     * I"): those referencing exactly its columns when neither the primary key nor another unique
     * index has them too.
     */
    static List<String> dependentsOfIndex(Catalog catalog, TableDef table, IndexDef index) {
        List<String> dependents = new ArrayList<>();
        if (!index.unique()) {
            return dependents;
        }
        int[] columns = index.columns().clone();
        Arrays.sort(columns);
        if (sameSet(table.primaryKey(), columns)) {
            return dependents;
        }
        Table live = catalog.table(table.id());
        if (live != null && live.indexDefs().stream().anyMatch(other -> other.unique() && !other.name().equals(index.name())
                && sameSet(other.columns(), columns))) {
            return dependents;
        }
        for (Catalog.Reference reference : catalog.referencesTo(table.id())) {
            if (sameSet(reference.key().referencedColumns(), columns)) {
                dependents.add("constraint " + reference.key().name() + " on table " + reference.referencing().def().name()
                        + " depends on index " + index.name());
            }
        }
        return dependents;
    }

    private static int[] positions(TableDef def, List<String> names) {
        int[] positions = new int[names.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = def.columnIndex(names.get(i));
            if (positions[i] < 0) {
                throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + names.get(i)
                        + "\" referenced in foreign key constraint does not exist");
            }
        }
        return positions;
    }

    /** The primary key, or the columns of a UNIQUE index, in any order (as PostgreSQL's transformFkeyCheckAttrs). */
    private static boolean isUniqueKey(Catalog catalog, TableDef table, int[] columns) {
        int[] sorted = columns.clone();
        Arrays.sort(sorted);
        if (sameSet(table.primaryKey(), sorted)) {
            return true;
        }
        Table live = catalog.table(table.id());
        if (live == null) {
            return false;
        }
        for (IndexDef index : live.indexDefs()) {
            if (index.unique() && sameSet(index.columns(), sorted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSet(int[] columns, int[] sorted) {
        int[] other = columns.clone();
        Arrays.sort(other);
        return Arrays.equals(other, sorted);
    }

    /** Whether values of the two types compare with an equality operator (same type, or both numbers). */
    private static boolean comparable(SqlType a, SqlType b) {
        return a == b || isNumber(a) && isNumber(b);
    }

    private static boolean isNumber(SqlType type) {
        return type == SqlType.SMALLINT || type == SqlType.INTEGER || type == SqlType.BIGINT || type == SqlType.NUMERIC
                || type == SqlType.REAL || type == SqlType.DOUBLE;
    }
}
