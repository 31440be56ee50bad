package dev.amelie.pgwire.engine;

import dev.amelie.compute.executor.Executor;
import dev.amelie.compute.executor.NodeSet;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.pgwire.engine.EngineConnection.ShownStatement;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.Notice;
import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.pgwire.session.QueryEngine.TransactionOutcome;
import dev.amelie.pgwire.session.QueryEngine.TransactionStatus;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.PlannedStatement.TransactionControl;
import dev.amelie.planner.Planner;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs the statements of one message as one executor transaction.
 *
 * <p>Outside a transaction block the message is PostgreSQL's implicit transaction: all of it
 * commits or none. Inside a block opened by an earlier message, the transaction first replays
 * the block's statements and checks that each shows what the client saw; then it runs the
 * message. If the message ends the block with COMMIT, that one transaction commits; if the block
 * stays open, everything is undone (speculation) and the statements are kept for the next
 * message. A replay that shows something else is a serialization failure (40001).
 *
 * <p>Runs on a virtual thread: it blocks while nodes work.
 */
final class TransactionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);

    private final Executor executor;
    private final Planner planner;

    private final StatementExecution execution;
    private final CursorStatements cursorStatements;

    private final DurabilityCommands durability;
    private final ComputeCommands compute;
    private final EngineMetrics metrics = new EngineMetrics();
    private final StatementStats statementStats = new StatementStats();
    /** pg_stat_database.stats_reset: the counters start with the server. */
    private final java.time.Instant statsReset = java.time.Instant.now();
    /** log_min_duration_statement in nanoseconds; negative: off. */
    private volatile long logMinDurationNanos = -1;

    TransactionRunner(Executor executor, Planner planner, DurabilityCommands durability, ComputeCommands compute) {
        this.executor = executor;
        this.planner = planner;
        this.execution = new StatementExecution(planner);
        this.privileges = new PrivilegeCheck(planner);
        this.roleCommands = new RoleCommands(planner);
        this.cursorStatements = new CursorStatements(execution);
        this.durability = durability;
        this.compute = compute;
    }

    private final PrivilegeCheck privileges;
    private final RoleCommands roleCommands;

    private SystemViewRows serverState(EngineConnection connection) {
        return (SystemViewRows) connection.serverState(sessions -> new SystemViewRows(sessions, metrics, statementStats,
                statsReset, planner::catalogContents, connection::cancelRequested));
    }

    /** One message's worth of work and what it has produced so far. */
    private final class Run {
        final EngineConnection connection;
        final NodeSet nodes;
        /** When the message arrived: commit latency is measured from here. */
        final long started = System.nanoTime();
        /** A COPY FROM STDIN of the same message follows: nothing may commit yet. */
        final boolean continues;
        final List<StatementResult> results = new ArrayList<>();
        /** Statements of the current executor transaction, with fingerprints, in order. */
        List<ShownStatement> shown = new ArrayList<>();
        /** Savepoints of the open block, as positions in {@link #shown}. */
        List<EngineConnection.Savepoint> savepoints;
        Transaction transaction;
        /** The session's TimeZone of the statement running now. */
        java.time.ZoneId zone;
        CompletableFuture<Void> earlierCommits = CompletableFuture.completedFuture(null);
        /** Statements of the message whose node work went ahead of their turn. */
        final StatementsAhead ahead = new StatementsAhead();

        Run(EngineConnection connection, NodeSet nodes, boolean continues) {
            this(connection, nodes, continues, null);
        }

        /** {@code entered}: the message's transaction, begun and on its nodes already (borrowed); else null. */
        Run(EngineConnection connection, NodeSet nodes, boolean continues, Transaction entered) {
            this.connection = connection;
            this.nodes = nodes;
            this.continues = continues;
            this.transaction = begin(entered);
            this.savepoints = new ArrayList<>(connection.savepoints());
        }

        private Transaction begin() {
            return begin(null);
        }

        private Transaction begin(Transaction entered) {
            Transaction next = entered != null ? entered : executor.begin(nodes);
            next.cancelWhen(connection::cancelRequested);
            next.fixValues(connection.transactionTime(), connection.transactionSeed());
            next.useSessionSequences(connection.sequences());
            next.useServer(serverState(connection));
            return next;
        }

        /** The transaction ended within the message; what follows is a new one, with its own now(). */
        void startNextTransaction() {
            connection.startTransaction();
            restartTransaction();
        }

        /** The same transaction starts over in a new executor transaction (ROLLBACK TO SAVEPOINT). */
        void restartTransaction() {
            ahead.clear();
            transaction = begin();
            shown = new ArrayList<>();
            savepoints = new ArrayList<>();
        }
    }

    /** Logs every message that takes at least this long (PostgreSQL's log_min_duration_statement); null: none. */
    void logMinDuration(java.time.Duration threshold) {
        logMinDurationNanos = threshold == null ? -1 : threshold.toNanos();
    }

    CompletableFuture<TransactionOutcome> run(EngineConnection connection, List<BoundStatement> statements,
                                              SqlException thenFail) {
        return logged(statements, () -> runTimed(connection, statements, thenFail));
    }

    /**
     * Runs the message on the calling thread (the session's event loop) when it needs no thread
     * of its own, else returns null and the caller runs {@link #run} on a virtual thread: a lone
     * BEGIN outside a block, which touches no node; a lone autocommit SELECT of one key planned
     * already ({@link Transaction#runPointRead}); a message of key statements on idle nodes
     * ({@link #runOnBorrowedNodes}).
     */
    CompletableFuture<TransactionOutcome> runWithoutThread(EngineConnection connection, List<BoundStatement> statements,
                                                           SqlException thenFail) {
        if (thenFail != null || connection.messageContinues()) {
            return null;
        }
        if (statements.size() == 1 && connection.status() == TransactionStatus.IDLE) {
            BoundStatement statement = statements.getFirst();
            // Planning (a cache miss is Calcite's work) stays off the event loop: only plans at hand.
            PlannedStatement planned = ((PlannedQuery) statement.query()).plannedWithoutPlanning(planner, connection.timeZone());
            if (planned instanceof TransactionControl control && control.kind() == TransactionControl.Kind.BEGIN) {
                return run(connection, statements, null);
            }
            if (planned instanceof PlannedStatement.Query query && query.foreignKeys() == null
                    && Transaction.runsAsPointRead(query.program())) {
                return logged(statements, () -> pointRead(connection, statement, query));
            }
        }
        return runOnBorrowedNodes(connection, statements);
    }

    /**
     * A message of key statements (and the block's statements it may replay) runs right here on
     * the nodes it needs, borrowed, when all of them are idle: no transaction thread, no node
     * woken, and only the wait for durability left; when one is busy, the message is handed to
     * the nodes ({@link Transaction#enterHanded}). Null when the message does not qualify; then it
     * runs on a virtual thread. What qualifies takes moments: statements on
     * the rows of their own keys that call nothing outside the transaction, and transaction
     * control that does not start a second transaction within the message.
     */
    private CompletableFuture<TransactionOutcome> runOnBorrowedNodes(EngineConnection connection, List<BoundStatement> statements) {
        if (statements.isEmpty() || connection.status() == TransactionStatus.FAILED
                || statements.size() + connection.block().size() > BORROWED_STATEMENTS) {
            return null;
        }
        java.time.ZoneId zone = connection.timeZone();
        for (int i = 0; i < statements.size(); i++) {
            if (!takesMoments(statements.get(i), zone, i == statements.size() - 1)) {
                return null;
            }
        }
        for (ShownStatement shown : connection.block()) {
            if (!takesMoments(shown.statement(), shown.zone(), false)) {
                return null;
            }
        }
        boolean replay = replays(connection, statements);
        NodeSet nodes = nodesFor(replay ? connection.block() : List.of(), statements, zone);
        Transaction entered = executor.begin(nodes);
        if (entered.enterBorrowed()) {
            metrics.ranOnBorrowedNodes();
            return runEntered(connection, statements, replay, nodes, entered);
        }
        // A node is busy: the message waits in the nodes' queues, and the node thread that finds
        // it last runs it, as this thread would have (no transaction thread woken per request).
        metrics.handedToNodes();
        CompletableFuture<TransactionOutcome> outcome = new CompletableFuture<>();
        entered.enterHanded(() -> {
            try {
                runEntered(connection, statements, replay, nodes, entered).whenComplete((done, failure) -> {
                    if (failure != null) {
                        outcome.completeExceptionally(failure);
                    } else {
                        outcome.complete(done);
                    }
                });
            } catch (Throwable unexpected) {
                outcome.completeExceptionally(unexpected);
            }
        });
        return outcome;
    }

    /** Runs the message in {@code entered}, whose nodes the calling thread holds (borrowed or handed). */
    private CompletableFuture<TransactionOutcome> runEntered(EngineConnection connection, List<BoundStatement> statements,
                                                             boolean replay, NodeSet nodes, Transaction entered) {
        try {
            return logged(statements, () -> runTimed(connection, statements, null, replay, false, nodes, entered));
        } catch (Throwable unexpected) {
            entered.rollback(); // the nodes go back whatever happened (nothing once it ended)
            throw unexpected;
        }
    }

    /** Whether the message must replay the open block first (it reads what the block wrote). */
    private boolean replays(EngineConnection connection, List<BoundStatement> statements) {
        return connection.status() == TransactionStatus.IN_BLOCK && !onlyRollback(statements)
                && !BlockIndependence.holds(planner, connection.block(), statements, connection.timeZone());
    }

    /**
     * At most this many statements (the message's and the block's it replays) run on borrowed
     * nodes, each at most {@link #BORROWED_TEXT} characters long (a multi-row VALUES is as long as
     * its rows): the IO thread serves other sessions too, and the nodes wait for it meanwhile.
     */
    private static final int BORROWED_STATEMENTS = 64;
    private static final int BORROWED_TEXT = 4096;

    /** Whether a statement may run on borrowed nodes: see {@link #runOnBorrowedNodes}. */
    private boolean takesMoments(BoundStatement statement, java.time.ZoneId zone, boolean last) {
        if (statement.query().text().length() > BORROWED_TEXT) {
            return false;
        }
        PlannedStatement planned = ((PlannedQuery) statement.query()).plannedWithoutPlanning(planner, zone);
        if (planned instanceof TransactionControl control) {
            return switch (control.kind()) {
                case BEGIN, SAVEPOINT, RELEASE -> true;
                case COMMIT, ROLLBACK -> last; // what followed would be a new transaction
                case ROLLBACK_TO -> false;
            };
        }
        if (!(planned instanceof PlannedStatement.Query query) || query.foreignKeys() != null) {
            return false;
        }
        dev.amelie.vm.program.Program program = query.program();
        return (program.routing() == dev.amelie.vm.program.Program.Routing.BY_KEY
                || program.routing() == dev.amelie.vm.program.Program.Routing.BY_ROW_KEY)
                && program.sources().isEmpty() && !dev.amelie.compute.executor.OutsideCalls.any(program);
    }

    private CompletableFuture<TransactionOutcome> pointRead(EngineConnection connection, BoundStatement statement,
                                                            PlannedStatement.Query query) {
        connection.clearCancel();
        metrics.statementsRun(1);
        metrics.pointRead();
        connection.startTransaction();
        serverState(connection).advisoryLocks().startTransaction();
        Run run = new Run(connection, NodeSet.none(), false);
        java.time.ZoneId zone = connection.timeZone();
        run.transaction.useTimeZone(zone);
        long statementStarted = System.nanoTime();
        CompletableFuture<dev.amelie.compute.executor.StatementOutcome> outcome;
        try {
            privileges.check(connection, privileges.currentRole(connection), query);
            outcome = run.transaction.runPointRead(query.program(), ((PlannedQuery) statement.query()).parameters(statement.parameters()));
        } catch (SqlException e) {
            return fail(run, e);
        }
        return outcome.handle((done, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                SqlException error = cause instanceof SqlException sql ? sql : unexpected(statement, cause);
                metrics.failed(error.state().code(), null);
                return new TransactionOutcome(List.of(), error);
            }
            StatementResult result = execution.pointReadResult(query, done).toStatementResult();
            statementStats.record(((PlannedQuery) statement.query()).statsKey(), System.nanoTime() - statementStarted,
                    StatementStats.rowsOf(result.commandTag(), result.rows().size()));
            metrics.committed(false, System.nanoTime() - run.started);
            return new TransactionOutcome(List.of(result), null);
        });
    }

    /** log_min_duration_statement around a message's run. */
    private CompletableFuture<TransactionOutcome> logged(List<BoundStatement> statements,
                                                         java.util.function.Supplier<CompletableFuture<TransactionOutcome>> message) {
        long threshold = logMinDurationNanos;
        if (threshold < 0) {
            return message.get();
        }
        long started = System.nanoTime();
        CompletableFuture<TransactionOutcome> outcome = message.get();
        outcome.whenComplete((done, failure) -> {
            long elapsed = System.nanoTime() - started;
            if (elapsed >= threshold) {
                LOG.info("duration: {} ms  statement: {}", String.format(java.util.Locale.ROOT, "%.3f", elapsed / 1e6),
                        statements.stream().map(s -> s.query().text()).collect(java.util.stream.Collectors.joining("; ")));
            }
        });
        return outcome;
    }

    private CompletableFuture<TransactionOutcome> runTimed(EngineConnection connection, List<BoundStatement> statements,
                                                           SqlException thenFail) {
        return runTimed(connection, statements, thenFail, replays(connection, statements),
                connection.status() == TransactionStatus.FAILED, null, null);
    }

    /**
     * {@code declared} and {@code entered}: the message's nodes and its transaction on them,
     * borrowed already ({@link #runOnBorrowedNodes}); null to begin one here.
     */
    private CompletableFuture<TransactionOutcome> runTimed(EngineConnection connection, List<BoundStatement> statements,
                                                           SqlException thenFail, boolean replay, boolean mayRestore,
                                                           NodeSet declared, Transaction entered) {
        if (LOG.isDebugEnabled()) {
            // One line per request, at debug only: at INFO the log stays one line per event.
            LOG.debug("message: {} statement(s): {}", statements.size(),
                    statements.stream().map(s -> s.query().text()).collect(java.util.stream.Collectors.joining("; ")));
        }
        connection.clearCancel();
        metrics.statementsRun(statements.size());
        if (statements.isEmpty() && thenFail != null) {
            connection.fail();
            return CompletableFuture.completedFuture(new TransactionOutcome(List.of(), thenFail));
        }
        BlockAdvisoryLocks advisoryLocks = serverState(connection).advisoryLocks();
        if (connection.status() == TransactionStatus.IDLE) {
            connection.startTransaction();
            advisoryLocks.startTransaction();
        }
        advisoryLocks.startMessage(replay || mayRestore);
        boolean continues = connection.takeMessageContinues();
        Run run = new Run(connection, declared != null ? declared
                : nodesFor(replay || mayRestore ? connection.block() : List.of(), statements, connection.timeZone()),
                continues, entered);
        try {
            return runMessage(run, statements, replay, thenFail);
        } catch (Throwable unexpected) {
            // Whatever happened, the nodes this transaction holds must be let go, or every later
            // transaction on them would wait forever.
            run.transaction.rollback();
            connection.endBlock(connection.status() == TransactionStatus.IDLE || connection.implicitBlock()
                    ? TransactionStatus.IDLE : TransactionStatus.FAILED);
            LOG.error("transaction failed unexpectedly", unexpected);
            if (unexpected instanceof Error error && !(unexpected instanceof StackOverflowError)) {
                throw error;
            }
            return CompletableFuture.completedFuture(new TransactionOutcome(run.results, new SqlException(
                    SqlState.INTERNAL_ERROR, "internal error while running the transaction (" + unexpected.getClass().getSimpleName() + ")")));
        }
    }

    private CompletableFuture<TransactionOutcome> runMessage(Run run, List<BoundStatement> statements, boolean replay,
                                                             SqlException thenFail) {
        EngineConnection connection = run.connection;
        if (replay) {
            SqlException replayFailure = replay(run, connection.block());
            if (replayFailure != null) {
                if (startsWithCommit(statements)) {
                    // The COMMIT itself failed: as in PostgreSQL the transaction is over, not failed.
                    connection.endBlock(TransactionStatus.IDLE);
                }
                metrics.failed(replayFailure.state().code(), "replay_mismatch");
                return finish(run, run.transaction.rollback(), replayFailure);
            }
        } else if (connection.status() == TransactionStatus.IN_BLOCK) {
            // Not replayed (nothing here reads what the block wrote), yet still the block's.
            run.shown.addAll(connection.block());
            run.transaction.skipStatements(connection.block().size());
        }
        for (int index = 0; index < statements.size(); index++) {
            BoundStatement statement = statements.get(index);
            try {
                if (connection.status() == TransactionStatus.FAILED) {
                    // Transaction control is planned when parsed; nothing else is even planned now.
                    PlannedStatement control = ((PlannedQuery) statement.query()).plannedSoFar();
                    if (control instanceof TransactionControl c && c.kind() == TransactionControl.Kind.ROLLBACK_TO) {
                        rollbackToSavepoint(run, c.savepoint(), connection.block());
                        continue;
                    }
                    if (!(control instanceof TransactionControl c)
                            || c.kind() != TransactionControl.Kind.COMMIT && c.kind() != TransactionControl.Kind.ROLLBACK) {
                        throw new SqlException(SqlState.IN_FAILED_SQL_TRANSACTION,
                                "current transaction is aborted, commands ignored until end of transaction block");
                    }
                    // COMMIT of a failed block rolls it back, and says so (PostgreSQL: tag ROLLBACK).
                    connection.endBlock(TransactionStatus.IDLE);
                    run.startNextTransaction();
                    run.results.add(new StatementResult("ROLLBACK", List.of()));
                    continue;
                }
                long statementStarted = System.nanoTime();
                int resultsBefore = run.results.size();
                // The zone is fixed with the statement, as now() is: its replays read and show in it.
                java.time.ZoneId zone = connection.timeZone();
                run.transaction.useTimeZone(zone);
                run.zone = zone;
                PlannedStatement planned = ((PlannedQuery) statement.query()).planFor(planner, zone);
                dev.amelie.compute.catalog.RoleDef role = privileges.currentRole(connection);
                privileges.check(connection, role, planned);
                dev.amelie.compute.catalog.AclTarget created = privileges.toBeCreated(planned);
                Transaction.Pending ahead = planned instanceof PlannedStatement.Query
                        ? run.ahead.take(run.transaction, index, statements.size(),
                                j -> candidate(statements.get(j), connection, connection.timeZone(), role))
                        : null;
                switch (planned) {
                    case PlannedStatement.Query query when ahead != null -> {
                        metrics.sentAhead();
                        record(run, statement, execution.finishAhead(run.transaction, query, ahead));
                    }
                    case TransactionControl control -> control(run, control);
                    case PlannedStatement.CreateRole _, PlannedStatement.AlterRole _, PlannedStatement.RenameRole _,
                         PlannedStatement.DropRole _, PlannedStatement.Grant _ ->
                            record(run, statement, roleCommands.run(run.transaction, planned, role,
                                    connection.sessions().user(false)));
                    case PlannedStatement.Query query when statements.size() == 1
                            && connection.status() == TransactionStatus.IDLE && !run.continues -> {
                        // A lone autocommit query lets its nodes go before the host's merge.
                        StatementExecution.Result result = execution.runLast(run.transaction, query, statement);
                        run.shown.add(new ShownStatement(statement, result.fingerprint(), result.draws(), zone));
                        run.results.add(result.toStatementResult());
                    }
                    case PlannedStatement.Query _, PlannedStatement.CreateTable _, PlannedStatement.CreateView _,
                         PlannedStatement.DropTable _, PlannedStatement.DropView _, PlannedStatement.Truncate _,
                         PlannedStatement.CreateSequence _, PlannedStatement.DropSequence _,
                         PlannedStatement.CreateIndex _, PlannedStatement.DropIndex _,
                         PlannedStatement.CreateSchema _, PlannedStatement.DropSchema _,
                         PlannedStatement.CreateTableAs _, PlannedStatement.RefreshMaterializedView _,
                         PlannedStatement.DropMaterializedView _, PlannedStatement.AddColumn _, PlannedStatement.AlterTable _,
                         PlannedStatement.AddPrimaryKey _, PlannedStatement.Copy _ ->
                            record(run, statement, execution.run(run.transaction, planned, statement));
                    case PlannedStatement.Maintenance maintenance -> {
                        if (maintenance.command().equals("VACUUM")
                                && (statements.size() > 1 || connection.status() != TransactionStatus.IDLE)) {
                            throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION, "VACUUM cannot run inside a transaction block");
                        }
                        record(run, statement, execution.run(run.transaction, planned, statement));
                    }
                    case PlannedStatement.Checkpoint _ ->
                            record(run, statement, durability.checkpoint(run.transaction.holdsNodes()));
                    case PlannedStatement.Backup backup -> {
                        if (statements.size() > 1 || connection.status() != TransactionStatus.IDLE) {
                            throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION, "BACKUP cannot run inside a transaction block");
                        }
                        record(run, statement, durability.backup(backup.directory()));
                    }
                    case PlannedStatement.AlterCompute alter -> {
                        if (statements.size() > 1 || connection.status() != TransactionStatus.IDLE) {
                            throw new SqlException(SqlState.ACTIVE_SQL_TRANSACTION,
                                    "ALTER COMPUTE cannot run inside a transaction block");
                        }
                        record(run, statement, compute.alter(alter));
                    }
                    case PlannedStatement.ShowCompute _ -> record(run, statement, compute.show());
                    case PlannedStatement.DeclareCursor declare -> cursorStatements.declare(run.connection, run.transaction,
                            run.shown, run.results, declare, statement, statements.size() > 1);
                    case PlannedStatement.FetchCursor fetch -> run.results.add(cursorStatements.fetch(connection, fetch));
                    case PlannedStatement.CloseCursor close -> run.results.add(cursorStatements.close(connection, close));
                    case PlannedStatement.Explain explain -> record(run, statement, explain(run, explain, statement));
                    default -> throw new IllegalStateException("session command reached the executor: " + planned);
                }
                privileges.recordOwner(run.transaction, planned, created, role);
                if (run.results.size() > resultsBefore && !(planned instanceof TransactionControl)) {
                    StatementResult shown = run.results.getLast();
                    statementStats.record(((PlannedQuery) statement.query()).statsKey(), System.nanoTime() - statementStarted,
                            StatementStats.rowsOf(shown.commandTag(), shown.rows().size()));
                }
            } catch (SqlException e) {
                if (e.state() == SqlState.QUERY_CANCELED && connection.timedOut()) {
                    e = new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
                }
                return fail(run, e);
            } catch (RuntimeException e) {
                return fail(run, unexpected(statement, e));
            }
        }
        if (thenFail != null) {
            return fail(run, thenFail);
        }
        if (run.continues && connection.status() == TransactionStatus.IDLE) {
            // A COPY FROM STDIN of this message waits for its data: the message's implicit
            // transaction goes on as a block of its own, shown but not committed.
            connection.keepImplicitBlock(run.shown, run.savepoints);
            return finish(run, run.transaction.rollback(), null);
        }
        if (connection.status() == TransactionStatus.IN_BLOCK && (run.continues || !connection.implicitBlock())) {
            // The block stays open: keep what the client saw, take back what was done.
            connection.keepBlock(run.shown, run.savepoints);
            return finish(run, run.transaction.rollback(), null);
        }
        connection.cursors().commit();
        if (connection.implicitBlock()) {
            connection.endBlock(TransactionStatus.IDLE);
        }
        return finish(run, commit(run), null);
    }

    /**
     * The compute nodes the message will use: only those, so that transactions on different
     * nodes run side by side. Anything that cannot be known before running (DDL, a statement that
     * does not plan) takes every node.
     */
    private NodeSet nodesFor(List<ShownStatement> block, List<BoundStatement> statements, java.time.ZoneId zone) {
        List<ShownStatement> all = new ArrayList<>(block.size() + statements.size());
        all.addAll(block);
        statements.forEach(statement -> all.add(new ShownStatement(statement, 0, null, zone)));
        NodeSet nodes = NodeSet.none();
        for (ShownStatement shown : all) {
            BoundStatement statement = shown.statement();
            PlannedQuery query = (PlannedQuery) statement.query();
            try {
                PlannedStatement planned = query.plannedSoFar() instanceof TransactionControl control
                        ? control : query.planFor(planner, shown.zone());
                switch (planned) {
                    case PlannedStatement.Query q when q.foreignKeys() != null -> {
                        // Its checks and actions read and write other tables, wherever their rows are.
                        return executor.allNodes();
                    }
                    case PlannedStatement.Query q -> nodes = nodes.union(executor.nodesFor(q.program(),
                            query.parameters(statement.parameters()), shown.zone()));
                    case PlannedStatement.DeclareCursor declare ->
                            nodes = nodes.union(executor.nodesFor(declare.query().program(),
                                    query.parameters(statement.parameters()), shown.zone()));
                    case TransactionControl control -> {
                    }
                    case PlannedStatement.FetchCursor _, PlannedStatement.CloseCursor _ -> {
                        // They read the rows the cursor holds, on no node.
                    }
                    default -> {
                        return executor.allNodes();
                    }
                }
            } catch (RuntimeException cannotTell) {
                return executor.allNodes();
            }
        }
        return nodes;
    }

    private void control(Run run, TransactionControl control) {
        EngineConnection connection = run.connection;
        switch (control.kind()) {
            case BEGIN -> {
                List<Notice> notices = connection.status() == TransactionStatus.IN_BLOCK && !connection.implicitBlock()
                        ? List.of(Notice.warning(SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress")) : List.of();
                // BEGIN inside a message's implicit transaction makes it a block the client ends.
                connection.makeBlockExplicit();
                // Statements earlier in this message belong to the block from now on: they are
                // already in run.shown, and the implicit transaction becomes the block.
                connection.setStatus(TransactionStatus.IN_BLOCK);
                run.results.add(new StatementResult("BEGIN", List.of(), null, notices));
            }
            case COMMIT -> {
                List<Notice> notices = connection.status() == TransactionStatus.IN_BLOCK && !connection.implicitBlock()
                        ? List.of() : List.of(Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress"));
                CompletableFuture<Void> commit = commit(run);
                run.earlierCommits = run.earlierCommits.thenCombine(commit, (a, b) -> null);
                connection.cursors().commit();
                connection.endBlock(TransactionStatus.IDLE);
                run.startNextTransaction();
                run.results.add(new StatementResult("COMMIT", List.of(), null, notices));
            }
            case ROLLBACK -> {
                List<Notice> notices = connection.status() == TransactionStatus.IN_BLOCK && !connection.implicitBlock()
                        ? List.of() : List.of(Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress"));
                run.transaction.rollback();
                metrics.rolledBack();
                connection.endBlock(TransactionStatus.IDLE);
                run.startNextTransaction();
                run.results.add(new StatementResult("ROLLBACK", List.of(), null, notices));
            }
            case SAVEPOINT -> {
                requireBlock(connection, "SAVEPOINT");
                run.savepoints.add(new EngineConnection.Savepoint(control.savepoint(), run.shown.size()));
                run.results.add(new StatementResult("SAVEPOINT", List.of()));
            }
            case RELEASE -> {
                requireBlock(connection, "RELEASE SAVEPOINT");
                int index = savepointIndex(run.savepoints, control.savepoint());
                run.savepoints.subList(index, run.savepoints.size()).clear();
                run.results.add(new StatementResult("RELEASE", List.of()));
            }
            case ROLLBACK_TO -> {
                requireBlock(connection, "ROLLBACK TO SAVEPOINT");
                rollbackToSavepoint(run, control.savepoint(), run.shown);
            }
        }
    }

    /**
     * Takes back everything after the savepoint: the transaction starts over with the statements
     * before it (replayed and checked, as at the start of a message), and the block is usable
     * again even if it had failed. The savepoint itself stays.
     */
    private void rollbackToSavepoint(Run run, String name, List<ShownStatement> statements) {
        int index = savepointIndex(run.savepoints, name);
        EngineConnection.Savepoint savepoint = run.savepoints.get(index);
        List<ShownStatement> kept = new ArrayList<>(statements.subList(0, savepoint.mark()));
        run.connection.cursors().rollbackTo(savepoint.mark());
        run.savepoints.subList(index + 1, run.savepoints.size()).clear();
        List<EngineConnection.Savepoint> savepoints = new ArrayList<>(run.savepoints);
        run.transaction.rollback();
        run.restartTransaction();
        run.savepoints = savepoints;
        run.connection.setStatus(TransactionStatus.IN_BLOCK);
        BlockAdvisoryLocks advisoryLocks = serverState(run.connection).advisoryLocks();
        advisoryLocks.startMessage(true);
        SqlException replayFailure = replay(run, kept);
        if (replayFailure != null) {
            throw replayFailure;
        }
        advisoryLocks.forgetAfterReplay();
        run.results.add(new StatementResult("ROLLBACK", List.of()));
    }

    private static int savepointIndex(List<EngineConnection.Savepoint> savepoints, String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new SqlException(SqlState.INVALID_SAVEPOINT_SPECIFICATION, "savepoint \"" + name + "\" does not exist");
    }

    private static void requireBlock(EngineConnection connection, String statement) {
        if (connection.status() != TransactionStatus.IN_BLOCK) {
            throw new SqlException(SqlState.NO_ACTIVE_SQL_TRANSACTION, statement + " can only be used in transaction blocks");
        }
    }

    /**
     * Runs the block's statements again in this transaction; each must show what it showed
     * before. Null when all did; otherwise the 40001 to report (the block is then failed).
     */
    private SqlException replay(Run run, List<ShownStatement> block) {
        StatementsAhead ahead = new StatementsAhead();
        dev.amelie.compute.catalog.RoleDef role = privileges.currentRole(run.connection);
        for (int i = 0; i < block.size(); i++) {
            ShownStatement shown = block.get(i);
            long fingerprint;
            try {
                PlannedStatement planned = ((PlannedQuery) shown.statement().query()).planFor(planner, shown.zone());
                Transaction.Pending sent = planned instanceof PlannedStatement.Query
                        ? ahead.take(run.transaction, i, block.size(),
                                j -> candidate(block.get(j).statement(), run.connection, block.get(j).zone(), role)) : null;
                if (sent != null) {
                    metrics.sentAhead();
                    fingerprint = execution.finishAhead(run.transaction, (PlannedStatement.Query) planned, sent).fingerprint();
                } else {
                    fingerprint = replay(run, shown);
                }
            } catch (SqlException e) {
                fingerprint = ~shown.fingerprint(); // it succeeded before and fails now: different
            }
            if (fingerprint != shown.fingerprint()) {
                // Nothing before a savepoint can be trusted either: only ROLLBACK ends this.
                run.connection.failBlock(List.of(), List.of());
                return serializationFailure(i + 1, shown.statement().query().text());
            }
            run.shown.add(shown);
        }
        return null;
    }

    /** A failure that is no SqlException (a bug): logged once, reported as XX000. */
    private static SqlException unexpected(BoundStatement statement, Throwable e) {
        LOG.error("statement failed unexpectedly: {}", statement.query().text(), e);
        return new SqlException(SqlState.INTERNAL_ERROR,
                "internal error while running the statement (" + e.getClass().getSimpleName() + ")", e);
    }

    /**
     * A statement as {@link StatementsAhead} sends it, or null if it is no plain query or may not
     * run (a statement drawing sequence values is refused there: Transaction#submitsAhead).
     */
    private StatementsAhead.Candidate candidate(BoundStatement statement, EngineConnection connection, java.time.ZoneId zone,
                                                dev.amelie.compute.catalog.RoleDef role) {
        PlannedQuery query = (PlannedQuery) statement.query();
        try {
            if (!(query.planFor(planner, zone) instanceof PlannedStatement.Query planned)) {
                return null;
            }
            privileges.check(connection, role, planned);
            return new StatementsAhead.Candidate(planned, query.parameters(statement.parameters()), zone);
        } catch (RuntimeException notNow) {
            return null; // it fails, if it does, at its turn
        }
    }

    private long replay(Run run, ShownStatement shown) {
        Transaction transaction = run.transaction;
        transaction.useTimeZone(shown.zone());
        PlannedStatement planned = ((PlannedQuery) shown.statement().query()).planFor(planner, shown.zone());
        dev.amelie.compute.catalog.RoleDef role = privileges.currentRole(run.connection);
        dev.amelie.compute.catalog.AclTarget created = privileges.toBeCreated(planned);
        long fingerprint = switch (planned) {
            case PlannedStatement.CreateRole _, PlannedStatement.AlterRole _, PlannedStatement.RenameRole _,
                 PlannedStatement.DropRole _, PlannedStatement.Grant _ -> roleCommands.run(transaction, planned, role,
                    run.connection.sessions().user(false)).fingerprint();
            default -> execution.run(transaction, planned, shown.statement(), shown.draws()).fingerprint();
        };
        privileges.recordOwner(transaction, planned, created, role);
        return fingerprint;
    }

    private static void record(Run run, BoundStatement statement, StatementExecution.Result result) {
        run.shown.add(new ShownStatement(statement, result.fingerprint(), result.draws(), run.zone));
        run.results.add(result.toStatementResult());
    }



    static SqlException serializationFailure(int statementNumber, String text) {
        return new SqlException(SqlState.SERIALIZATION_FAILURE,
                "could not serialize access due to concurrent update",
                "Statement " + statementNumber + " of the transaction (" + abbreviate(text)
                        + ") shows a different result than the client was sent when the transaction runs again.",
                "The transaction might succeed if retried.", 0, null);
    }

    /**
     * EXPLAIN's lines; with ANALYZE the statement runs too (as in PostgreSQL: what it changes
     * stays), and its rows and time follow. The fingerprint is constant: the timing is no result
     * a replay could contradict.
     */
    private StatementExecution.Result explain(Run run, PlannedStatement.Explain explain, BoundStatement statement) {
        List<Object[]> lines = new ArrayList<>();
        explain.plan().forEach(line -> lines.add(new Object[] {line}));
        if (explain.analyze()) {
            long started = System.nanoTime();
            StatementExecution.Result result = execution.run(run.transaction, explain.statement(), statement);
            long nanos = System.nanoTime() - started;
            lines.add(new Object[] {"Rows: " + StatementStats.rowsOf(result.tag(), result.rows().size())});
            lines.add(new Object[] {String.format(java.util.Locale.ROOT, "Execution Time: %.3f ms", nanos / 1e6)});
        }
        return new StatementExecution.Result("EXPLAIN", lines, null, List.of(), 0);
    }

    /** Commits the run's transaction and counts it once it is durable. */
    private CompletableFuture<Void> commit(Run run) {
        boolean wrote = run.transaction.hasChanges();
        return run.transaction.commit().whenComplete((ok, failure) -> {
            if (failure == null) {
                metrics.committed(wrote, System.nanoTime() - run.started);
            }
        });
    }

    EngineMetrics metrics() {
        return metrics;
    }

    StatementStats statementStats() {
        return statementStats;
    }

    private CompletableFuture<TransactionOutcome> fail(Run run, SqlException error) {
        metrics.failed(error.state().code(), error.state() == SqlState.SERIALIZATION_FAILURE ? "other" : null);
        CompletableFuture<Void> undone = run.transaction.rollback();
        if (run.connection.status() == TransactionStatus.IN_BLOCK) {
            run.connection.failBlock(run.shown, run.savepoints);
        } else if (run.connection.status() == TransactionStatus.IDLE) {
            // The message's own transaction is undone, and with it the cursors it declared WITH HOLD.
            run.connection.cursors().rollback();
        }
        return finish(run, undone, error);
    }

    /** The outcome, once the work it depends on is durable. */
    private CompletableFuture<TransactionOutcome> finish(Run run, CompletableFuture<Void> last, SqlException error) {
        CompletableFuture<Void> all = run.earlierCommits.thenCombine(last, (a, b) -> null);
        return all.handle((ok, failure) -> {
            if (failure != null) {
                // The log could not make a commit durable: nothing of this message may be reported as done.
                return new TransactionOutcome(List.of(), asSqlException(failure));
            }
            return new TransactionOutcome(run.results, error);
        });
    }

    private static boolean startsWithCommit(List<BoundStatement> statements) {
        return !statements.isEmpty() && ((PlannedQuery) statements.getFirst().query()).plannedSoFar()
                instanceof TransactionControl control && control.kind() == TransactionControl.Kind.COMMIT;
    }

    private static boolean onlyRollback(List<BoundStatement> statements) {
        return statements.size() == 1 && ((PlannedQuery) statements.getFirst().query()).plannedSoFar()
                instanceof TransactionControl control && control.kind() == TransactionControl.Kind.ROLLBACK;
    }



    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
    }

    private static SqlException asSqlException(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof SqlException sql ? sql : new SqlException(SqlState.IO_ERROR, cause.getMessage(), cause);
    }
}
