package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.CheckConstraint;
import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.pgwire.session.QueryEngine.Notice;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.PlannedStatement.TableAction;
import dev.amelie.planner.Planner;
import dev.amelie.planner.ddl.ColumnRename;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * ALTER TABLE actions that change a table's definition (and DROP COLUMN its rows), one after the
 * other in the statement's transaction, with PostgreSQL 15's errors and notices (tablecmds.c).
 * Each change is logged by the transaction, so it survives a restart and a checkpoint.
 */
final class TableAlteration {
    private static final Object[] NO_PARAMETERS = new Object[0];

    private final Planner planner;
    /** Plans a column's DEFAULT against its type (42804 and friends when it does not fit). */
    private final BiConsumer<ColumnDef, String> checkDefault;

    private final ForeignKeyDefinition foreignKeys;

    TableAlteration(Planner planner, BiConsumer<ColumnDef, String> checkDefault, ForeignKeyDefinition foreignKeys) {
        this.planner = planner;
        this.checkDefault = checkDefault;
        this.foreignKeys = foreignKeys;
    }

    /** Runs the actions; returns the notices (IF EXISTS of something missing). */
    List<Notice> run(Transaction transaction, PlannedStatement.AlterTable alter, String statementText) {
        PlannedStatement.QualifiedName name = alter.table();
        List<Notice> notices = new ArrayList<>();
        if (table(name) == null) {
            if (!alter.ifExists()) {
                throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name.name() + "\" does not exist");
            }
            notices.add(Notice.notice("relation \"" + name.name() + "\" does not exist, skipping"));
            return notices;
        }
        for (TableAction action : alter.actions()) {
            TableDef def = table(name);
            switch (action) {
                case TableAction.SetDefault(String column, String defaultSql) -> {
                    int position = column(def, column);
                    ColumnDef changed = def.columns().get(position).withDefault(defaultSql);
                    if (defaultSql != null) {
                        checkDefault.accept(changed, statementText);
                    }
                    redefine(transaction, name, def.withColumns(replaced(def.columns(), position, changed)));
                }
                case TableAction.SetNotNull(String column, boolean notNull) when notNull ->
                        transaction.setNotNull(name.schema(), name.name(), column(def, column));
                case TableAction.SetNotNull(String column, boolean _) -> {
                    int position = column(def, column);
                    if (def.isKeyColumn(position)) {
                        throw new SqlException(SqlState.INVALID_TABLE_DEFINITION, "column \"" + column + "\" is in a primary key");
                    }
                    ColumnDef changed = def.columns().get(position).withNotNull(false);
                    redefine(transaction, name, def.withColumns(replaced(def.columns(), position, changed)));
                }
                case TableAction.DropColumn drop -> dropColumn(transaction, name, def, drop, notices);
                case TableAction.AddCheck(PlannedStatement.NewCheck check) -> addCheck(transaction, name, def, check);
                case TableAction.AddForeignKey(PlannedStatement.NewForeignKey key) -> foreignKeys.add(transaction, name, key, true);
                case TableAction.AddUnique(String constraint, List<String> columns) -> addUnique(transaction, def, constraint, columns);
                case TableAction.DropConstraint(String constraint, boolean ifExists) -> {
                    IndexDef uniqueConstraint = constraintIndex(def, constraint);
                    if (def.check(constraint) != null) {
                        redefine(transaction, name, def.withChecks(def.checks().stream()
                                .filter(c -> !c.name().equals(constraint)).toList()));
                    } else if (def.foreignKey(constraint) != null) {
                        ForeignKeyDefinition.drop(transaction, def, constraint);
                    } else if (uniqueConstraint != null && !uniqueConstraint.name().equals(def.primaryKeyName())) {
                        dropUnique(transaction, def, uniqueConstraint);
                    } else if (def.hasPrimaryKey() && def.primaryKeyName().equals(constraint)
                            || dev.amelie.planner.ddl.ConstraintNames.ofTable(def, catalogNow()).contains(constraint)) {
                        throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                                "ALTER TABLE DROP CONSTRAINT of a primary key or UNIQUE constraint is not supported yet");
                    } else if (ifExists) {
                        notices.add(Notice.notice("constraint \"" + constraint + "\" of relation \"" + def.name()
                                + "\" does not exist, skipping"));
                    } else {
                        throw new SqlException(SqlState.UNDEFINED_OBJECT, "constraint \"" + constraint + "\" of relation \""
                                + def.name() + "\" does not exist");
                    }
                }
                case TableAction.RenameColumn(String from, String to) -> {
                    int position = def.columnIndex(from);
                    if (position < 0) {
                        throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + from + "\" does not exist");
                    }
                    if (def.columnIndex(to) >= 0) {
                        throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + to + "\" of relation \"" + def.name()
                                + "\" already exists");
                    }
                    List<CheckConstraint> checks = def.checks().stream()
                            .map(c -> new CheckConstraint(c.name(), ColumnRename.inExpression(c.expression(), from, to))).toList();
                    ColumnDef renamed = def.columns().get(position).withName(to);
                    redefine(transaction, name, def.withColumns(replaced(def.columns(), position, renamed)).withChecks(checks));
                }
                case TableAction.RenameTable(String to) -> redefine(transaction, name, def.withName(to));
                case TableAction.RenameConstraint(String from, String to) -> {
                    if (def.check(from) == null && def.foreignKey(from) == null) {
                        throw new SqlException(SqlState.UNDEFINED_OBJECT, "constraint \"" + from + "\" for table \""
                                + def.name() + "\" does not exist");
                    }
                    if (dev.amelie.planner.ddl.ConstraintNames.ofTable(def, catalogNow()).contains(to)) {
                        throw new SqlException(SqlState.DUPLICATE_OBJECT, "constraint \"" + to + "\" for relation \""
                                + def.name() + "\" already exists");
                    }
                    redefine(transaction, name, def.withChecks(def.checks().stream()
                            .map(c -> c.name().equals(from) ? new CheckConstraint(to, c.expression()) : c).toList())
                            .withForeignKeys(def.foreignKeys().stream().map(k -> k.name().equals(from) ? k.withName(to) : k).toList()));
                }
            }
        }
        return notices;
    }

    /**
     * ADD [CONSTRAINT n] UNIQUE (columns): a unique index that is a constraint, named as
     * PostgreSQL names it; rows that repeat a value fail it with 23505 (the index build says so).
     */
    private void addUnique(Transaction transaction, TableDef def, String constraint, List<String> columns) {
        for (String column : columns) {
            if (def.columnIndex(column) < 0) {
                throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" named in key does not exist");
            }
        }
        String name = constraint;
        if (name == null) {
            name = dev.amelie.planner.ddl.ConstraintNames.unique(def, columns, catalogNow());
        } else if (dev.amelie.planner.ddl.ConstraintNames.ofTable(def, catalogNow()).contains(name)) {
            throw new SqlException(SqlState.DUPLICATE_OBJECT, "constraint \"" + name + "\" for relation \"" + def.name()
                    + "\" already exists");
        }
        transaction.createIndex(def.schema(), def.name(), name, columns, true, IndexDef.Method.BTREE, false, true);
    }

    /** DROP CONSTRAINT of a UNIQUE constraint: not while a FOREIGN KEY relies on it (2BP01, as in PostgreSQL). */
    private void dropUnique(Transaction transaction, TableDef def, IndexDef index) {
        List<String> dependents = ForeignKeyDefinition.dependentsOfIndex(catalogNow(), def, index);
        if (!dependents.isEmpty()) {
            throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop constraint " + index.name() + " on table "
                    + def.name() + " because other objects depend on it", String.join("\n", dependents),
                    "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
        }
        transaction.dropConstraintIndex(def.schema(), index.name());
    }

    /** The index behind a UNIQUE constraint of this name, or null. */
    private IndexDef constraintIndex(TableDef def, String constraint) {
        var table = catalogNow().table(def.id());
        if (table == null) {
            return null;
        }
        return table.indexDefs().stream().filter(i -> i.constraint() && i.name().equals(constraint)).findFirst().orElse(null);
    }

    /**
     * The CHECK constraints of a new table: validated and named (in the order written) once the
     * table exists, then given to it in one change.
     */
    void addChecks(Transaction transaction, PlannedStatement.QualifiedName name, List<PlannedStatement.NewCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        TableDef def = table(name);
        for (PlannedStatement.NewCheck check : checks) {
            CheckConstraint constraint = planner.checkConstraint(def, check.name(), check.expression());
            List<CheckConstraint> more = new ArrayList<>(def.checks());
            more.add(constraint);
            def = def.withChecks(more);
        }
        redefine(transaction, name, def);
    }

    /** ADD CHECK: the rows there are must pass it (23514 otherwise), as without NOT VALID. */
    private void addCheck(Transaction transaction, PlannedStatement.QualifiedName name, TableDef def,
                          PlannedStatement.NewCheck check) {
        CheckConstraint constraint = planner.checkConstraint(def, check.name(), check.expression());
        PlannedStatement.Query violations = planner.checkViolations(def, constraint.expression());
        if (!transaction.run(violations.program(), NO_PARAMETERS).rows().isEmpty()) {
            throw new SqlException(SqlState.CHECK_VIOLATION, "check constraint \"" + constraint.name() + "\" of relation \""
                    + def.name() + "\" is violated by some row");
        }
        List<CheckConstraint> more = new ArrayList<>(def.checks());
        more.add(constraint);
        redefine(transaction, name, def.withChecks(more));
    }

    /**
     * DROP COLUMN: CHECK constraints that read it go with it, so do indexes on it and, when it is
     * a key column, the primary key; a serial column's sequence too.
     */
    private void dropColumn(Transaction transaction, PlannedStatement.QualifiedName name, TableDef def,
                            TableAction.DropColumn drop, List<Notice> notices) {
        int position = def.columnIndex(drop.column());
        if (position < 0) {
            if (drop.ifExists()) {
                notices.add(Notice.notice("column \"" + drop.column() + "\" of relation \"" + def.name()
                        + "\" does not exist, skipping"));
                return;
            }
            throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + drop.column() + "\" of relation \"" + def.name()
                    + "\" does not exist");
        }
        if (def.columns().size() == 1) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "dropping the last column of a table is not supported yet");
        }
        notices.addAll(ForeignKeyDefinition.beforeDropColumn(transaction, catalogNow(), def, position, drop.cascade()));
        List<String> droppedChecks = new ArrayList<>();
        for (CheckConstraint check : def.checks()) {
            if (planner.checkColumns(def, check.expression()).contains(position)) {
                droppedChecks.add(check.name());
            }
        }
        String sequence = def.columns().get(position).ownedSequence();
        transaction.dropColumn(name.schema(), name.name(), position, droppedChecks);
        if (sequence != null) {
            transaction.dropSequence(name.schema(), sequence);
        }
    }

    private void redefine(Transaction transaction, PlannedStatement.QualifiedName name, TableDef changed) {
        transaction.redefineTable(name.schema(), name.name(), current -> changed);
    }

    private static int column(TableDef def, String column) {
        int position = def.columnIndex(column);
        if (position < 0) {
            throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \"" + def.name()
                    + "\" does not exist");
        }
        return position;
    }

    private static List<ColumnDef> replaced(List<ColumnDef> columns, int position, ColumnDef column) {
        List<ColumnDef> changed = new ArrayList<>(columns);
        changed.set(position, column);
        return changed;
    }

    private TableDef table(PlannedStatement.QualifiedName name) {
        return planner.table(name);
    }

    private dev.amelie.compute.catalog.Catalog catalogNow() {
        return planner.catalog();
    }
}
