package dev.amelie.compute.log;

import dev.amelie.compute.catalog.SequenceDef;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.catalog.ViewDef;

/**
 * One logical change a transaction made, as written to the WAL. Rows are full stored rows
 * (hidden row id included); keys are the key values in key order.
 */
public sealed interface Change {
    record CreateTable(TableDef def) implements Change {}

    record DropTable(long tableId) implements Change {}

    /** TRUNCATE: the table keeps its definition and loses every row. */
    record TruncateTable(long tableId) implements Change {}

    record CreateSequence(SequenceDef def) implements Change {}

    record DropSequence(String schema, String name) implements Change {}

    /** The state a committing transaction leaves a sequence it used in (never older than what it drew). */
    record SequenceState(String schema, String name, long lastValue, boolean called, long version) implements Change {}

    /** ALTER TABLE … ADD PRIMARY KEY: the rows are keyed by these columns from now on. */
    record AddPrimaryKey(long tableId, int[] primaryKey) implements Change {}

    record CreateView(ViewDef view) implements Change {}

    record CreateIndex(dev.amelie.compute.catalog.IndexDef index) implements Change {}

    record DropIndex(long tableId, String name) implements Change {}

    record DropView(String schema, String name) implements Change {}

    record CreateSchema(String name) implements Change {}

    /** ALTER TABLE … ADD COLUMN: every row there is gets {@code value} in the new last column. */
    record AddColumn(long tableId, dev.amelie.compute.catalog.ColumnDef column, Object value) implements Change {}

    /**
     * ALTER TABLE … RENAME, ALTER COLUMN … SET / DROP DEFAULT and NOT NULL, ADD / DROP CONSTRAINT
     * … CHECK: the table of {@code def.id()} has this definition from now on; its rows are as they were.
     */
    record TableDefinition(TableDef def) implements Change {}

    /** ALTER TABLE … DROP COLUMN: the column at {@code position} leaves every row (see Table#withoutColumn). */
    record DropColumn(long tableId, int position) implements Change {}

    /** DROP SCHEMA: what it held was dropped by changes of their own before this one. */
    record DropSchema(String name) implements Change {}

    /** ALTER COMPUTE: the compute nodes and which owns each hash slot, from this point of the log on. */
    record Layout(dev.amelie.compute.layout.ComputeLayout layout) implements Change {}

    /** CREATE ROLE, ALTER ROLE: the role of {@code role.oid()} is this from now on (RENAME included). */
    record RoleDefinition(dev.amelie.compute.catalog.RoleDef role) implements Change {}

    record DropRole(long oid) implements Change {}

    /**
     * GRANT, REVOKE, and the owner of an object a role other than the bootstrap superuser
     * created: the object's owner and privileges from now on (null: back to the defaults).
     */
    record ObjectPrivileges(dev.amelie.compute.catalog.AclTarget target, dev.amelie.compute.catalog.ObjectAcl acl)
            implements Change {}

    record Insert(long tableId, Object[] row) implements Change {}

    /** The row whose key was {@code oldKey} is now {@code row} (whose key may differ). */
    record Update(long tableId, Object[] oldKey, Object[] row) implements Change {}

    record Delete(long tableId, Object[] key) implements Change {}
}
