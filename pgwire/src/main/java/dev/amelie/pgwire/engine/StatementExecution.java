package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.catalog.ViewDef;
import dev.amelie.compute.catalog.SequenceDef;
import dev.amelie.compute.executor.SequenceDraws;
import dev.amelie.compute.executor.StatementOutcome;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.Notice;
import dev.amelie.pgwire.session.QueryEngine.ResultColumn;
import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.Planner;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Program;
import dev.amelie.vm.type.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one planned data or DDL statement inside a transaction and says what the client sees:
 * the command tag, rows and notices, and the fingerprint a replay must show again. The first run
 * of a statement and every replay of it go through here, so they cannot differ in how they run.
 */
final class StatementExecution {
    private static final SqlType[] NO_TYPES = new SqlType[0];

    /** What a statement showed: its StatementResult parts and their fingerprint. */
    record Result(String tag, List<Object[]> rows, List<ResultColumn> columns, List<Notice> notices, long fingerprint,
                  SequenceDraws.Recorded draws) {
        Result(String tag, List<Object[]> rows, List<ResultColumn> columns, List<Notice> notices, long fingerprint) {
            this(tag, rows, columns, notices, fingerprint, SequenceDraws.Recorded.NONE);
        }

        StatementResult toStatementResult() {
            return new StatementResult(tag, rows, columns, notices);
        }
    }

    private static final Object[] NO_PARAMETERS = new Object[0];

    private final Planner planner;
    private final CopyFromExecution copyFrom;
    private final TableFromQuery tableFromQuery;

    StatementExecution(Planner planner) {
        this.planner = planner;
        this.copyFrom = new CopyFromExecution(planner, new ForeignKeyEnforcement(planner));
        this.tableFromQuery = new TableFromQuery(planner);
        this.foreignKeys = new ForeignKeyEnforcement(planner);
        this.foreignKeyDefinition = new ForeignKeyDefinition(planner, foreignKeys);
        this.alteration = new TableAlteration(planner, this::checkDefault, foreignKeyDefinition);
        this.referencedTables = new ReferencedTables(planner);
    }

    private final TableAlteration alteration;
    private final ReferencedTables referencedTables;
    private final ForeignKeyEnforcement foreignKeys;
    private final ForeignKeyDefinition foreignKeyDefinition;

    Result run(Transaction transaction, PlannedStatement planned, BoundStatement statement) {
        return run(transaction, planned, statement, SequenceDraws.Recorded.NONE);
    }

    /** Runs the statement again: sequence functions return what they returned the first time ({@code draws}). */
    Result run(Transaction transaction, PlannedStatement planned, BoundStatement statement, SequenceDraws.Recorded draws) {
        return switch (planned) {
            case PlannedStatement.Query query -> query(query, foreignKeys.run(transaction, query, parameters(statement), draws));
            case PlannedStatement.DeclareCursor declare -> {
                // Every row of the query, which the cursor keeps: its fingerprint covers all the
                // client may fetch, so a replay that sees other rows fails as any read would.
                Result rows = query(declare.query(), transaction.run(declare.query().program(), parameters(statement), draws));
                yield new Result("DECLARE CURSOR", rows.rows(), rows.columns(), List.of(), rows.fingerprint(), rows.draws());
            }
            case PlannedStatement.CreateSequence create -> {
                SequenceDef created = transaction.createSequence(new SequenceDef(create.schema(), create.name(),
                        create.increment(), create.minValue(), create.maxValue(), create.start(), create.cycle()), create.ifNotExists());
                List<Notice> notices = created == null
                        ? List.of(Notice.notice("relation \"" + create.name() + "\" already exists, skipping"))
                        : List.of();
                yield new Result("CREATE SEQUENCE", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.DropSequence drop -> {
                List<Notice> notices = new ArrayList<>();
                for (PlannedStatement.QualifiedName name : drop.names()) {
                    if (!transaction.dropSequence(name.schema(), name.name())) {
                        notices.add(missing(drop.ifExists(), "sequence", name.name()));
                    }
                }
                yield new Result("DROP SEQUENCE", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.CreateSchema create -> {
                List<Notice> notices = transaction.createSchema(create.name(), create.ifNotExists())
                        ? List.of()
                        : List.of(Notice.notice("schema \"" + create.name() + "\" already exists, skipping"));
                yield new Result("CREATE SCHEMA", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.DropSchema drop -> {
                List<Notice> notices = new ArrayList<>();
                List<String> dropped = new ArrayList<>();
                for (String name : drop.names()) {
                    if (!transaction.dropSchema(name, drop.cascade(), dropped)) {
                        notices.add(missing(drop.ifExists(), "schema", name));
                    }
                }
                if (dropped.size() == 1) {
                    notices.add(Notice.notice("drop cascades to " + dropped.getFirst()));
                } else if (dropped.size() > 1) {
                    notices.add(Notice.notice("drop cascades to " + dropped.size() + " other objects",
                            "drop cascades to " + String.join("\ndrop cascades to ", dropped)));
                }
                yield new Result("DROP SCHEMA", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.CreateIndex create -> {
                var indexed = planner.table(new PlannedStatement.QualifiedName(create.schema(), create.table()));
                for (String column : create.included()) {
                    if (indexed != null && indexed.columnIndex(column) < 0) {
                        throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" does not exist");
                    }
                }
                String created = transaction.createIndex(create.schema(), create.table(), create.name(), create.indexColumns(),
                        create.unique(), create.method(), create.ifNotExists());
                List<Notice> notices = created == null
                        ? List.of(Notice.notice("relation \"" + create.name() + "\" already exists, skipping"))
                        : List.of();
                yield new Result("CREATE INDEX", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.DropIndex drop -> {
                List<Notice> notices = new ArrayList<>();
                for (PlannedStatement.QualifiedName name : drop.names()) {
                    referencedTables.refuseDropIndex(name);
                    if (!transaction.dropIndex(name.schema(), name.name())) {
                        notices.add(missing(drop.ifExists(), "index", name.name()));
                    }
                }
                yield new Result("DROP INDEX", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.CreateTable create -> {
                TableDef created = createTable(transaction, create, statement.query().text());
                List<Notice> notices = created == null
                        ? List.of(Notice.notice("relation \"" + create.name() + "\" already exists, skipping"))
                        : List.of();
                yield new Result("CREATE TABLE", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.CreateView create -> {
                createView(transaction, create, statement.query().text());
                yield new Result("CREATE VIEW", List.of(), null, List.of(), 0);
            }
            case PlannedStatement.DropTable drop -> {
                List<Notice> notices = new ArrayList<>(referencedTables.beforeDropTable(transaction, drop));
                for (PlannedStatement.QualifiedName name : drop.names()) {
                    if (!transaction.dropTable(name.schema(), name.name(), false)) {
                        notices.add(missing(drop.ifExists(), "table", name.name()));
                    }
                }
                yield new Result("DROP TABLE", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.DropMaterializedView drop -> {
                List<Notice> notices = new ArrayList<>();
                for (PlannedStatement.QualifiedName name : drop.names()) {
                    if (!transaction.dropTable(name.schema(), name.name(), true)) {
                        notices.add(missing(drop.ifExists(), "materialized view", name.name()));
                    }
                }
                yield new Result("DROP MATERIALIZED VIEW", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.CreateTableAs create -> {
                long rows = tableFromQuery.create(transaction, create);
                String tag = create.materialized() ? "CREATE MATERIALIZED VIEW" : "CREATE TABLE AS";
                if (rows < 0) {
                    List<Notice> skipped = List.of(Notice.notice("relation \"" + create.name() + "\" already exists, skipping"));
                    yield new Result(tag, List.of(), null, skipped, 1);
                }
                // PostgreSQL reports the rows a filled table got as SELECT n, an unfilled one by its command.
                yield new Result(create.withData() ? "SELECT " + rows : tag, List.of(), null, List.of(), rows);
            }
            case PlannedStatement.RefreshMaterializedView refresh -> {
                tableFromQuery.refresh(transaction, refresh);
                yield new Result("REFRESH MATERIALIZED VIEW", List.of(), null, List.of(), 0);
            }
            case PlannedStatement.Copy copy when copy.statement().from() -> copyFrom.run(transaction, copy.statement(), statement.copyRows());
            case PlannedStatement.Copy copy -> {
                PlannedStatement.Query query = planner.copyQuery(copy.statement());
                StatementOutcome outcome = transaction.run(query.program(), NO_PARAMETERS);
                List<ResultColumn> columns = WireColumns.of(query.columns());
                yield new Result("COPY " + outcome.rows().size(), outcome.rows(), columns, List.of(), ResultFingerprint.of(outcome));
            }
            case PlannedStatement.DropView drop -> {
                List<Notice> notices = new ArrayList<>();
                for (PlannedStatement.QualifiedName name : drop.names()) {
                    if (!transaction.dropView(name.schema(), name.name())) {
                        notices.add(missing(drop.ifExists(), "view", name.name()));
                    }
                }
                yield new Result("DROP VIEW", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.Truncate truncate -> {
                for (PlannedStatement.QualifiedName name : truncate.names()) {
                    if (!planner.tableExists(name)) {
                        throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name.name() + "\" does not exist");
                    }
                }
                List<Notice> notices = new ArrayList<>();
                List<TableDef> truncated = referencedTables.truncated(truncate, notices);
                for (TableDef table : truncated) {
                    transaction.truncate(table.schema(), table.name());
                }
                yield new Result("TRUNCATE TABLE", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.AddColumn add -> {
                List<Notice> notices = new ArrayList<>();
                if (!planner.tableExists(add.table())) {
                    notices.add(missing(add.ifExists(), "relation", add.table().name()));
                }
                for (int i = 0; notices.isEmpty() && i < add.added().size(); i++) {
                    PlannedStatement.NewColumn column = add.added().get(i);
                    Object value = null;
                    if (column.def().defaultSql() != null) {
                        PlannedStatement.Query fill = checkDefault(column.def(), statement.query().text());
                        List<Object[]> rows = transaction.run(fill.program(), NO_PARAMETERS).rows();
                        value = rows.isEmpty() ? null : rows.getFirst()[0];
                    }
                    if (!transaction.addColumn(add.table().schema(), add.table().name(), column.def(), value, column.ifNotExists())) {
                        notices.add(Notice.notice("column \"" + column.def().name() + "\" of relation \"" + add.table().name()
                                + "\" already exists, skipping"));
                    } else if (column.foreignKey() != null) {
                        // The rows there are hold the default: it must be present in the referenced table.
                        foreignKeyDefinition.add(transaction, add.table(), column.foreignKey(), true);
                    }
                }
                yield new Result("ALTER TABLE", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.AlterTable alter -> {
                List<Notice> notices = alteration.run(transaction, alter, statement.query().text());
                yield new Result("ALTER TABLE", List.of(), null, notices, notices.size());
            }
            case PlannedStatement.AddPrimaryKey add -> {
                if (!transaction.addPrimaryKey(add.table().schema(), add.table().name(), add.keyColumns())) {
                    Notice skipped = missing(add.ifExists(), "relation", add.table().name());
                    yield new Result("ALTER TABLE", List.of(), null, List.of(skipped), 1);
                }
                yield new Result("ALTER TABLE", List.of(), null, List.of(), 0);
            }
            case PlannedStatement.Maintenance maintenance -> {
                for (PlannedStatement.QualifiedName name : maintenance.tables()) {
                    if (!planner.tableExists(name)) {
                        throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + name.name() + "\" does not exist");
                    }
                }
                yield new Result(maintenance.command(), List.of(), null, List.of(), 0);
            }
            default -> throw new IllegalStateException("not a statement the executor runs: " + planned);
        };
    }

    /** A lone autocommit query: its nodes are let go before the host's merge. */
    Result runLast(Transaction transaction, PlannedStatement.Query query, BoundStatement statement) {
        if (query.foreignKeys() != null) {
            return query(query, foreignKeys.run(transaction, query, parameters(statement), SequenceDraws.Recorded.NONE));
        }
        return query(query, transaction.runLast(query.program(), parameters(statement)));
    }

    /** A query whose node work was sent ahead ({@link StatementsAhead}): waits for it and merges. */
    Result finishAhead(Transaction transaction, PlannedStatement.Query query, Transaction.Pending pending) {
        return query(query, transaction.finish(pending));
    }

    /** What a lone point read (Transaction#runPointRead) shows the client. */
    Result pointReadResult(PlannedStatement.Query query, StatementOutcome outcome) {
        return query(query, outcome);
    }

    private static Result query(PlannedStatement.Query query, StatementOutcome outcome) {
        List<ResultColumn> columns = WireColumns.of(query.columns());
        return new Result(commandTag(query.program().kind(), outcome), outcome.rows(), columns, List.of(),
                ResultFingerprint.of(outcome), outcome.draws());
    }

    private static Object[] parameters(BoundStatement statement) {
        return ((PlannedQuery) statement.query()).parameters(statement.parameters());
    }

    /** DROP … IF EXISTS of a missing object is a NOTICE; without IF EXISTS an error. */
    private static Notice missing(boolean ifExists, String kind, String name) {
        if (!ifExists) {
            // PostgreSQL: 42P01 for relations that hold rows, 42704 for an index
            throw new SqlException(kind.equals("index") ? SqlState.UNDEFINED_OBJECT
                    : kind.equals("schema") ? SqlState.INVALID_SCHEMA_NAME : SqlState.UNDEFINED_TABLE,
                    kind + " \"" + name + "\" does not exist");
        }
        return Notice.notice(kind + " \"" + name + "\" does not exist, skipping");
    }

    /**
     * The sequences of serial and identity columns first, then the table; every DEFAULT must plan
     * as an expression of its own now (PostgreSQL checks it at CREATE TABLE), not at the first INSERT.
     */
    private TableDef createTable(Transaction transaction, PlannedStatement.CreateTable create, String statementText) {
        if (transaction.tableExists(create.schema(), create.name()) && create.ifNotExists()) {
            return null;
        }
        for (PlannedStatement.CreateSequence sequence : create.sequences()) {
            transaction.createSequence(new SequenceDef(sequence.schema(), sequence.name(), sequence.increment(),
                    sequence.minValue(), sequence.maxValue(), sequence.start(), sequence.cycle()), false);
        }
        for (var column : create.columnDefs()) {
            if (column.defaultSql() != null && column.ownedSequence() == null) {
                checkDefault(column, statementText);
            }
        }
        TableDef created = transaction.createTable(new TableDef(0, create.schema(), create.name(), create.columnDefs(),
                create.primaryKey()), create.ifNotExists());
        // UNIQUE constraints are unique indexes named as PostgreSQL names them.
        for (PlannedStatement.UniqueConstraint unique : create.uniques()) {
            String name = unique.name() != null ? unique.name() : create.name() + "_" + String.join("_", unique.columns()) + "_key";
            transaction.createIndex(create.schema(), create.name(), name, unique.columns(), true,
                    dev.amelie.compute.catalog.IndexDef.Method.BTREE, false, true);
        }
        PlannedStatement.QualifiedName name = new PlannedStatement.QualifiedName(create.schema(), create.name());
        alteration.addChecks(transaction, name, create.checks());
        for (PlannedStatement.NewForeignKey key : create.foreignKeys()) {
            foreignKeyDefinition.add(transaction, name, key, false);
        }
        return created;
    }

    /**
     * Plans the DEFAULT as {@code select cast((default) as type)}: it must be an expression that
     * converts to the column's type. Error positions are moved to where the expression is in the
     * CREATE TABLE statement.
     */
    private PlannedStatement.Query checkDefault(dev.amelie.compute.catalog.ColumnDef column, String statementText) {
        String prefix = "select cast((";
        PlannedStatement check;
        try {
            check = planner.plan(prefix + column.defaultSql() + ") as " + castName(column.type()) + ")", NO_TYPES);
        } catch (SqlException e) {
            int at = statementText.indexOf(column.defaultSql());
            if (e.position() < prefix.length() || at < 0) {
                throw e;
            }
            // (The parser places a parenthesized expression at its opening parenthesis.)
            int inExpression = Math.max(e.position(), prefix.length() + 1) - prefix.length();
            throw new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), at + inExpression, e);
        }
        if (!(check instanceof PlannedStatement.Query query) || query.parameterTypes().length > 0) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "invalid DEFAULT expression for column \"" + column.name() + "\"");
        }
        return query;
    }

    private static String castName(SqlType type) {
        return switch (type) {
            case TIMESTAMP -> "timestamp";
            case TIMESTAMPTZ -> "timestamptz";
            case TIME -> "time";
            case INTERVAL -> "\"interval\"";
            case UNKNOWN -> "text";
            default -> type.sqlName();
        };
    }

    /** A view's query must plan now, and its column list, if given, must fit the query. */
    private void createView(Transaction transaction, PlannedStatement.CreateView create, String statementText) {
        PlannedStatement query;
        try {
            query = planner.plan(create.query(), NO_TYPES);
        } catch (SqlException e) {
            // Positions count from the start of the CREATE VIEW statement, not of its query.
            int offset = statementText.lastIndexOf(create.query());
            if (e.position() <= 0 || offset < 0) {
                throw e;
            }
            throw new SqlException(e.state(), e.getMessage(), e.detail(), e.hint(), e.position() + offset, e);
        }
        if (!(query instanceof PlannedStatement.Query q) || q.program().kind() != Program.StatementKind.SELECT) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "a view is defined by a SELECT or VALUES query");
        }
        if (create.columnNames().size() > q.columns().size()) {
            throw new SqlException(SqlState.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns");
        }
        transaction.createView(new ViewDef(create.schema(), create.name(), create.columnNames(), create.query()), create.replace());
    }

    static String commandTag(Program.StatementKind kind, StatementOutcome outcome) {
        return switch (kind) {
            case SELECT -> "SELECT " + outcome.rows().size();
            case INSERT -> "INSERT 0 " + outcome.affected();
            case UPDATE -> "UPDATE " + outcome.affected();
            case DELETE -> "DELETE " + outcome.affected();
        };
    }
}
