package dev.amelie.planner;

import dev.amelie.compute.catalog.ColumnDef;
import dev.amelie.planner.copy.CopyStatement;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.type.SqlType;

import java.util.List;

/** What the planner makes of one statement. */
public sealed interface PlannedStatement {

    /** Types of $1..$n. */
    default SqlType[] parameterTypes() {
        return new SqlType[0];
    }

    /** Result columns; empty when the statement returns no rows. */
    default List<ResultColumn> columns() {
        return List.of();
    }

    /**
     * A result column: its name, type, and for RowDescription which character type a text
     * column is (varchar, char), PostgreSQL's typmod (-1: none), and the table column it is read
     * from unchanged (table OID and column number; 0 and 0 for a computed one), which pgjdbc's
     * updatable result sets and getTableName need.
     */
    record ResultColumn(String name, SqlType type, dev.amelie.vm.type.CharacterType character, int typmod,
                        long tableOid, int columnNumber) {
        public ResultColumn(String name, SqlType type) {
            this(name, type, dev.amelie.vm.type.CharacterType.TEXT, -1);
        }

        public ResultColumn(String name, SqlType type, dev.amelie.vm.type.CharacterType character, int typmod) {
            this(name, type, character, typmod, 0, 0);
        }

        /** The same column, read unchanged from column {@code columnNumber} (from 1) of the table with OID {@code tableOid}. */
        public ResultColumn from(long table, int column) {
            return new ResultColumn(name, type, character, typmod, table, column);
        }
    }

    /** A data statement compiled to bytecode against catalog version {@code catalogVersion}. */
    /**
     * A data statement compiled to bytecode against catalog version {@code catalogVersion};
     * {@code foreignKeys}: what its write must check or do for foreign keys once its program ran,
     * null for every statement that has nothing to (reads, and writes of tables without any).
     */
    /** {@code accesses}: the relations it reads and writes, whose privileges the session's role must have. */
    record Query(Program program, List<ResultColumn> columns, SqlType[] parameterTypes, long catalogVersion,
                 ForeignKeySteps foreignKeys, List<dev.amelie.planner.privilege.TableAccess> accesses)
            implements PlannedStatement {
        public Query(Program program, List<ResultColumn> columns, SqlType[] parameterTypes, long catalogVersion) {
            this(program, columns, parameterTypes, catalogVersion, null);
        }

        public Query(Program program, List<ResultColumn> columns, SqlType[] parameterTypes, long catalogVersion,
                     ForeignKeySteps foreignKeys) {
            this(program, columns, parameterTypes, catalogVersion, foreignKeys, List.of());
        }
    }

    /** CREATE TABLE; {@code sequences} are those its serial and identity columns own, created with it. */
    record CreateTable(String schema, String name, List<ColumnDef> columnDefs, int[] primaryKey, boolean ifNotExists,
                       List<CreateSequence> sequences, List<UniqueConstraint> uniques, List<NewCheck> checks,
                       List<NewForeignKey> foreignKeys)
            implements PlannedStatement {

        public CreateTable(String schema, String name, List<ColumnDef> columnDefs, int[] primaryKey, boolean ifNotExists,
                           List<CreateSequence> sequences, List<UniqueConstraint> uniques, List<NewCheck> checks) {
            this(schema, name, columnDefs, primaryKey, ifNotExists, sequences, uniques, checks, List.of());
        }

        public CreateTable(String schema, String name, List<ColumnDef> columnDefs, int[] primaryKey, boolean ifNotExists,
                           List<CreateSequence> sequences, List<UniqueConstraint> uniques) {
            this(schema, name, columnDefs, primaryKey, ifNotExists, sequences, uniques, List.of());
        }

        public CreateTable(String schema, String name, List<ColumnDef> columnDefs, int[] primaryKey, boolean ifNotExists,
                           List<CreateSequence> sequences) {
            this(schema, name, columnDefs, primaryKey, ifNotExists, sequences, List.of());
        }
    }

    /** A CHECK constraint as written: its name (null: PostgreSQL's default name is chosen) and expression text. */
    record NewCheck(String name, String expression) {}

    /**
     * UNIQUE (columns) of a CREATE TABLE; {@code name} null when PostgreSQL would choose it;
     * {@code position} where it is written, for errors.
     */
    record UniqueConstraint(String name, List<String> columns, int position) {}

    /**
     * A FOREIGN KEY as written: {@code name} null when PostgreSQL chooses it; {@code referencedColumns}
     * empty for the referenced table's primary key.
     */
    record NewForeignKey(String name, List<String> columns, QualifiedName referenced, List<String> referencedColumns,
                         dev.amelie.compute.catalog.ForeignKey.Action onDelete,
                         dev.amelie.compute.catalog.ForeignKey.Action onUpdate) {}

    /** DROP TABLE; {@code cascade}: FOREIGN KEY constraints of other tables that reference one go with it. */
    record DropTable(List<QualifiedName> names, boolean ifExists, boolean cascade) implements PlannedStatement {
        public DropTable(List<QualifiedName> names, boolean ifExists) {
            this(names, ifExists, false);
        }
    }

    /** CREATE [OR REPLACE] VIEW name [(columns)] AS query. */
    record CreateView(String schema, String name, List<String> columnNames, String query, boolean replace)
            implements PlannedStatement {}

    record DropView(List<QualifiedName> names, boolean ifExists) implements PlannedStatement {}

    record QualifiedName(String schema, String name) {}

    /**
     * CREATE TABLE … AS query and CREATE MATERIALIZED VIEW: a table whose columns are the query's
     * (renamed by {@code columnNames} from the first on), filled with its rows unless WITH NO DATA.
     */
    record CreateTableAs(String schema, String name, List<String> columnNames, String query, boolean ifNotExists,
                         boolean materialized, boolean withData) implements PlannedStatement {}

    record RefreshMaterializedView(QualifiedName name, boolean withData) implements PlannedStatement {}

    record DropMaterializedView(List<QualifiedName> names, boolean ifExists) implements PlannedStatement {}

    record CreateSchema(String name, boolean ifNotExists) implements PlannedStatement {}

    record DropSchema(List<String> names, boolean ifExists, boolean cascade) implements PlannedStatement {}

    /** CREATE SEQUENCE with its options resolved (PostgreSQL's defaults applied). */
    record CreateSequence(String schema, String name, long increment, long minValue, long maxValue, long start,
                          boolean cycle, boolean ifNotExists) implements PlannedStatement {}

    record DropSequence(List<QualifiedName> names, boolean ifExists) implements PlannedStatement {}

    /** CREATE [UNIQUE] INDEX; {@code name} is null when PostgreSQL would choose it. */
    /**
     * CREATE INDEX; {@code included} are its INCLUDE columns, which must exist but need no room
     * of their own: an index entry leads to the whole row.
     */
    record CreateIndex(String schema, String table, String name, List<String> indexColumns, boolean unique,
                       dev.amelie.compute.catalog.IndexDef.Method method, boolean ifNotExists, List<String> included)
            implements PlannedStatement {
        public CreateIndex(String schema, String table, String name, List<String> indexColumns, boolean unique,
                           dev.amelie.compute.catalog.IndexDef.Method method, boolean ifNotExists) {
            this(schema, table, name, indexColumns, unique, method, ifNotExists, List.of());
        }
    }

    record DropIndex(List<QualifiedName> names, boolean ifExists) implements PlannedStatement {}

    /** TRUNCATE [TABLE] names: every row of each table goes, in one transaction. */
    record Truncate(List<QualifiedName> names, boolean cascade) implements PlannedStatement {
        public Truncate(List<QualifiedName> names) {
            this(names, false);
        }
    }

    /**
     * ALTER TABLE [IF EXISTS] name ADD [COLUMN] [IF NOT EXISTS] column [, ADD …]: each default
     * fills the rows there are.
     */
    record AddColumn(QualifiedName table, List<NewColumn> added, boolean ifExists) implements PlannedStatement {}

    /** A column ADD COLUMN adds; {@code foreignKey}: its REFERENCES clause, or null. */
    record NewColumn(dev.amelie.compute.catalog.ColumnDef def, boolean ifNotExists, NewForeignKey foreignKey) {
        public NewColumn(dev.amelie.compute.catalog.ColumnDef def, boolean ifNotExists) {
            this(def, ifNotExists, null);
        }
    }

    /**
     * ALTER TABLE [IF EXISTS] name action [, action …] for the actions that change the table's
     * definition (and DROP COLUMN its rows); RENAME forms are single actions, as in PostgreSQL.
     */
    record AlterTable(QualifiedName table, boolean ifExists, List<TableAction> actions) implements PlannedStatement {}

    /** One action of {@link AlterTable}. */
    sealed interface TableAction {
        /** ALTER [COLUMN] c SET DEFAULT expr, or DROP DEFAULT ({@code defaultSql} null). */
        record SetDefault(String column, String defaultSql) implements TableAction {}

        /** ALTER [COLUMN] c SET NOT NULL ({@code notNull}) or DROP NOT NULL. */
        record SetNotNull(String column, boolean notNull) implements TableAction {}

        /** DROP [COLUMN] [IF EXISTS] c [CASCADE | RESTRICT]. */
        record DropColumn(String column, boolean ifExists, boolean cascade) implements TableAction {}

        /** ADD [CONSTRAINT name] CHECK (expr). */
        record AddCheck(NewCheck check) implements TableAction {}

        /** ADD [CONSTRAINT name] FOREIGN KEY (columns) REFERENCES …. */
        record AddForeignKey(NewForeignKey key) implements TableAction {}

        /** ADD [CONSTRAINT name] UNIQUE (columns): a unique index that is a constraint. */
        record AddUnique(String name, List<String> columns) implements TableAction {}

        /** DROP CONSTRAINT [IF EXISTS] name. */
        record DropConstraint(String name, boolean ifExists) implements TableAction {}

        /** RENAME [COLUMN] a TO b. */
        record RenameColumn(String from, String to) implements TableAction {}

        /** RENAME TO name. */
        record RenameTable(String to) implements TableAction {}

        /** RENAME CONSTRAINT a TO b. */
        record RenameConstraint(String from, String to) implements TableAction {}
    }

    /** ALTER TABLE [IF EXISTS] name ADD [CONSTRAINT c] PRIMARY KEY (columns). */
    record AddPrimaryKey(QualifiedName table, List<String> keyColumns, boolean ifExists) implements PlannedStatement {}

    /**
     * VACUUM or ANALYZE: nothing to do in memory (no dead rows, no statistics yet), but the named
     * tables must exist, and VACUUM refuses to run inside a transaction block, as in PostgreSQL.
     */
    record Maintenance(String command, List<QualifiedName> tables) implements PlannedStatement {}

    /**
     * The options of CREATE ROLE / ALTER ROLE (sql-createrole.html); null: not written.
     * {@code password} is as written (a verifier is kept as given); {@code passwordGiven} with
     * a null password is PASSWORD NULL.
     */
    record RoleOptions(Boolean superuser, Boolean createDb, Boolean createRole, Boolean inherit, Boolean login,
                       Boolean replication, Boolean bypassRls, Integer connectionLimit, boolean passwordGiven,
                       String password) {}

    /** CREATE ROLE, or CREATE USER ({@code user}: LOGIN unless NOLOGIN is written). */
    record CreateRole(String name, RoleOptions options, boolean user) implements PlannedStatement {}

    record AlterRole(String name, RoleOptions options) implements PlannedStatement {}

    record RenameRole(String name, String newName) implements PlannedStatement {}

    record DropRole(List<String> names, boolean ifExists) implements PlannedStatement {}

    /**
     * GRANT ({@code grant}) or REVOKE of privilege bits ({@link dev.amelie.compute.catalog.AclItem})
     * on tables by name, on every table of schemas ({@code allTablesIn}), or on schemas; grantee
     * null is PUBLIC. {@code privilegesWritten} names them as the statement did, for errors.
     */
    record Grant(boolean grant, int privileges, GrantObjects objects, List<QualifiedName> names,
                 List<String> grantees) implements PlannedStatement {
        public enum GrantObjects { TABLES, ALL_TABLES_IN_SCHEMAS, SCHEMAS }
    }

    /** CHECKPOINT: a snapshot of the database now, after which older WAL segments go. */
    record Checkpoint() implements PlannedStatement {}

    /** BACKUP TO 'directory': a fresh snapshot copied into a new directory on the server's machine. */
    record Backup(String directory) implements PlannedStatement {
        @Override
        public List<ResultColumn> columns() {
            return List.of(new ResultColumn("snapshot_lsn", SqlType.BIGINT), new ResultColumn("files", SqlType.BIGINT),
                    new ResultColumn("bytes", SqlType.BIGINT));
        }
    }

    /**
     * ALTER COMPUTE: {@code node} names the node of ADD NODE (null: a new UUID) and DROP NODE;
     * {@code count} is the n of ADD n and SET n.
     */
    record AlterCompute(Action action, java.util.UUID node, int count) implements PlannedStatement {
        public enum Action { ADD_NODE, DROP_NODE, ADD, SET }
    }

    /**
     * EXPLAIN [ANALYZE] statement: {@code plan} is the text (one line per row); with ANALYZE the
     * statement also runs, as in PostgreSQL (its changes happen), and its rows and time are added.
     */
    record Explain(Query statement, List<String> plan, boolean analyze) implements PlannedStatement {
        @Override
        public SqlType[] parameterTypes() {
            return statement.parameterTypes();
        }

        @Override
        public List<ResultColumn> columns() {
            return List.of(new ResultColumn("QUERY PLAN", SqlType.TEXT));
        }
    }

    /** SHOW COMPUTE: one row per compute node. */
    record ShowCompute() implements PlannedStatement {
        @Override
        public List<ResultColumn> columns() {
            return List.of(new ResultColumn("node", SqlType.TEXT), new ResultColumn("thread", SqlType.TEXT),
                    new ResultColumn("partitions", SqlType.INTEGER), new ResultColumn("hash_slots", SqlType.INTEGER),
                    new ResultColumn("rows", SqlType.BIGINT), new ResultColumn("transactions", SqlType.BIGINT),
                    new ResultColumn("queue_depth", SqlType.INTEGER));
        }
    }

    /**
     * BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT, and the savepoint statements;
     * {@code savepoint} names the savepoint of the last three, else null.
     */
    record TransactionControl(Kind kind, String savepoint) implements PlannedStatement {
        public TransactionControl(Kind kind) {
            this(kind, null);
        }

        public enum Kind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }
    }

    /**
     * COPY … FROM STDIN or TO STDOUT, parsed only: its table and columns resolve when it runs
     * ({@link Planner#copyTarget}), since an earlier statement of the message may create them.
     */
    record Copy(CopyStatement statement) implements PlannedStatement {}

    /** SET name = value (value null: DEFAULT). */
    /** {@code local}: SET LOCAL, undone when the transaction ends. */
    record SetParameter(String name, String value, boolean local) implements PlannedStatement {
        public SetParameter(String name, String value) {
            this(name, value, false);
        }
    }

    record ShowParameter(String name) implements PlannedStatement {}

    record ResetParameter(String name) implements PlannedStatement {}

    /**
     * DECLARE name [BINARY] [ASENSITIVE | INSENSITIVE] [[NO] SCROLL] CURSOR [{WITH | WITHOUT} HOLD]
     * FOR query (sql-declare.html). {@code scroll}: whether FETCH may move backward, resolved as
     * PostgreSQL resolves it when neither SCROLL nor NO SCROLL is written (see
     * {@link dev.amelie.planner.utility.BackwardScan}).
     */
    record DeclareCursor(String name, Query query, boolean scroll, boolean hold, boolean binary)
            implements PlannedStatement {
        @Override
        public SqlType[] parameterTypes() {
            return query.parameterTypes();
        }
    }

    /**
     * FETCH or MOVE ({@code move}) on a cursor (sql-fetch.html), in PostgreSQL's terms
     * (parsenodes.h FetchStmt): FORWARD / BACKWARD {@code count} rows ({@link #ALL} for ALL),
     * ABSOLUTE / RELATIVE {@code count}; NEXT is FORWARD 1, PRIOR BACKWARD 1, FIRST ABSOLUTE 1,
     * LAST ABSOLUTE -1.
     */
    record FetchCursor(String name, Direction direction, long count, boolean move) implements PlannedStatement {
        public static final long ALL = Long.MAX_VALUE;

        public enum Direction { FORWARD, BACKWARD, ABSOLUTE, RELATIVE }
    }

    /** CLOSE name, or CLOSE ALL ({@code name} null). */
    record CloseCursor(String name) implements PlannedStatement {}
}
