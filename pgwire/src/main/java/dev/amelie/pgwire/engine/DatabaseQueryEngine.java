package dev.amelie.pgwire.engine;

import dev.amelie.compute.Database;
import dev.amelie.compute.checkpoint.Backup;
import dev.amelie.pgwire.session.QueryEngine;
import dev.amelie.planner.Planner;
import dev.amelie.planner.copy.CopyStatement;
import dev.amelie.planner.copy.CopyTarget;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real {@link QueryEngine}: plans with the {@link Planner} on the calling event loop and
 * runs transactions on virtual threads against the {@link Database}'s executor.
 */
public final class DatabaseQueryEngine implements QueryEngine, AutoCloseable {
    private final Database database;
    private final Planner planner;
    private final TransactionRunner runner;
    private final ExecutorService transactions = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("amelie-transaction-", 0).factory());

    public DatabaseQueryEngine(Database database) {
        this.database = database;
        this.planner = new Planner(database.catalog());
        this.runner = new TransactionRunner(database.executor(), planner, new DurabilityCommands(database.checkpointer(),
                new Backup(database.checkpointer(), database.dataDirectory())), new ComputeCommands(database.compute()));
    }

    /** log_min_duration_statement: messages that take at least this long are logged; null: none. */
    public void logMinDurationStatement(java.time.Duration threshold) {
        runner.logMinDuration(threshold);
    }

    /** Transactions, statements, errors and commit latency, for the metrics endpoint. */
    public EngineMetrics metrics() {
        return runner.metrics();
    }

    /** Per normalized statement: calls, time, rows (pg_stat_statements). */
    public StatementStats statementStats() {
        return runner.statementStats();
    }

    public dev.amelie.planner.cache.PlanCache planCache() {
        return planner.planCache();
    }

    @Override
    public List<Object[]> serverSettings() {
        List<Object[]> rows = new java.util.ArrayList<>();
        rows.add(new Object[] {"compute", String.valueOf(database.computeNodes()),
                "Compute nodes, the threads owning table partitions (ALTER COMPUTE changes them; SHOW COMPUTE lists them)."});
        return rows;
    }

    @Override
    public List<String> splitStatements(String queryText) {
        return planner.split(queryText);
    }

    @Override
    public PreparedQuery prepare(String statement, SqlType[] declaredParameterTypes) {
        return new PlannedQuery(statement, declaredParameterTypes, planner.plan(statement, declaredParameterTypes), false);
    }

    @Override
    public PreparedQuery prepareInChangedBlock(String statement, SqlType[] declaredParameterTypes) {
        return new PlannedQuery(statement, declaredParameterTypes, planner.parse(statement), false);
    }

    @Override
    public PreparedQuery parse(String statement) {
        Planner.SimpleText text = planner.simpleText(statement);
        return new PlannedQuery(text, planner.parse(text));
    }

    @Override
    public CompletableFuture<TransactionOutcome> execute(List<BoundStatement> statements) {
        return execute(new EngineConnection(), statements);
    }

    @Override
    public CompletableFuture<TransactionOutcome> execute(Connection connection, List<BoundStatement> statements) {
        return execute(connection, statements, null);
    }

    @Override
    public CompletableFuture<TransactionOutcome> execute(Connection connection, List<BoundStatement> statements,
                                                         SqlException thenFail) {
        CompletableFuture<TransactionOutcome> withoutThread = runner.runWithoutThread((EngineConnection) connection, statements, thenFail);
        if (withoutThread != null) {
            return withoutThread;
        }
        return CompletableFuture.supplyAsync(() -> runner.run((EngineConnection) connection, statements, thenFail), transactions)
                .thenCompose(f -> f);
    }

    @Override
    public CopyInTarget beginCopyIn(Connection connection, PreparedQuery query) {
        if (connection.status() == TransactionStatus.FAILED) {
            throw new SqlException(SqlState.IN_FAILED_SQL_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        CopyStatement copy = query.copy();
        CopyTarget target = planner.copyTarget(copy);
        List<ResultColumn> columns = new java.util.ArrayList<>();
        for (int i = 0; i < target.positions().length; i++) {
            columns.add(new ResultColumn(target.columnNames().get(i), target.columnTypes().get(i)));
        }
        return new CopyInTarget(copy.relationName(), columns);
    }

    /** SET ROLE: the role must exist; only a superuser may become another role (there is no membership yet). */
    @Override
    public void checkSetRole(String sessionUser, String role) {
        var access = database.catalog().current().access();
        if (access.role(role) == null && !role.equals(dev.amelie.planner.privilege.Privileges.DATABASE_OWNER_NAME)) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE, "role \"" + role + "\" does not exist");
        }
        var user = sessionUser == null ? null : access.role(sessionUser);
        if (user != null && !user.superuser() && !user.name().equals(role)) {
            throw new SqlException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to set role \"" + role + "\"");
        }
    }

    /** The roles of the current catalog, for client authentication. */
    public dev.amelie.pgwire.auth.Authentication.RoleDirectory roles() {
        return name -> database.catalog().current().access().role(name);
    }

    @Override
    public Connection connect() {
        return new EngineConnection();
    }

    @Override
    public void close() {
        transactions.shutdown();
    }
}
