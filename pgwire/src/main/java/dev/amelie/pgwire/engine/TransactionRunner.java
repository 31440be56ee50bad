package dev.amelie.pgwire.engine;

import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.executor.Executor;
import dev.amelie.compute.executor.StatementOutcome;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.ResultColumn;
import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.pgwire.session.QueryEngine.TransactionOutcome;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.planner.PlannedStatement.TransactionControl;
import dev.amelie.planner.Planner;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Program;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the statements of one message as one transaction, as PostgreSQL runs a multi-statement
 * simple Query: an explicit COMMIT or ROLLBACK inside the message ends the transaction there and
 * the next statement starts a new one. Runs on a virtual thread: it blocks while nodes work.
 */
final class TransactionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionRunner.class);

    private final Executor executor;
    private final Planner planner;

    TransactionRunner(Executor executor, Planner planner) {
        this.executor = executor;
        this.planner = planner;
    }

    CompletableFuture<TransactionOutcome> run(List<BoundStatement> statements) {
        SqlException unsupported = checkTransactionBlocks(statements);
        if (unsupported != null) {
            return CompletableFuture.completedFuture(new TransactionOutcome(List.of(), unsupported));
        }
        List<StatementResult> results = new ArrayList<>(statements.size());
        Transaction transaction = executor.begin();
        CompletableFuture<Void> committed = CompletableFuture.completedFuture(null);
        for (BoundStatement statement : statements) {
            try {
                PlannedStatement planned = ((PlannedQuery) statement.query()).planFor(planner);
                switch (planned) {
                    case TransactionControl control -> {
                        switch (control.kind()) {
                            case BEGIN -> results.add(new StatementResult("BEGIN", List.of()));
                            case COMMIT -> {
                                committed = transaction.commit();
                                transaction = executor.begin();
                                results.add(new StatementResult("COMMIT", List.of()));
                            }
                            case ROLLBACK -> {
                                transaction.rollback();
                                transaction = executor.begin();
                                results.add(new StatementResult("ROLLBACK", List.of()));
                            }
                        }
                    }
                    case PlannedStatement.CreateTable create -> {
                        transaction.createTable(new TableDef(0, create.schema(), create.name(), create.columnDefs(),
                                create.primaryKey()), create.ifNotExists());
                        results.add(new StatementResult("CREATE TABLE", List.of()));
                    }
                    case PlannedStatement.DropTable drop -> {
                        List<String> notices = new ArrayList<>();
                        for (PlannedStatement.QualifiedName name : drop.names()) {
                            if (!transaction.dropTable(name.schema(), name.name())) {
                                if (!drop.ifExists()) {
                                    throw new SqlException(SqlState.UNDEFINED_TABLE, "table \"" + name.name() + "\" does not exist");
                                }
                                notices.add("table \"" + name.name() + "\" does not exist, skipping");
                            }
                        }
                        results.add(new StatementResult("DROP TABLE", List.of(), null, notices));
                    }
                    case PlannedStatement.Query query -> {
                        StatementOutcome outcome = transaction.run(query.program(), statement.parameters());
                        results.add(new StatementResult(commandTag(query.program().kind(), outcome), outcome.rows(),
                                resultColumns(query), List.of()));
                    }
                    default -> throw new IllegalStateException("session command reached the executor: " + planned);
                }
            } catch (SqlException e) {
                transaction.rollback();
                return committed.handle((ok, failure) -> new TransactionOutcome(results, e));
            } catch (RuntimeException e) {
                transaction.rollback();
                LOG.error("statement failed unexpectedly: {}", statement.query().text(), e);
                SqlException internal = new SqlException(SqlState.INTERNAL_ERROR,
                        "internal error while running the statement (" + e.getClass().getSimpleName() + ")", e);
                return committed.handle((ok, failure) -> new TransactionOutcome(results, internal));
            }
        }
        CompletableFuture<Void> last = transaction.commit();
        CompletableFuture<Void> all = committed.thenCombine(last, (a, b) -> null);
        return all.handle((ok, failure) -> failure == null
                ? new TransactionOutcome(results, null)
                : new TransactionOutcome(List.of(), asSqlException(failure)));
    }

    /**
     * A BEGIN whose COMMIT or ROLLBACK is not in the same message would need the transaction to
     * stay open across round trips; that comes with speculative interactive transactions.
     */
    private static SqlException checkTransactionBlocks(List<BoundStatement> statements) {
        boolean open = false;
        for (BoundStatement statement : statements) {
            if (((PlannedQuery) statement.query()).plannedSoFar() instanceof TransactionControl control) {
                open = control.kind() == TransactionControl.Kind.BEGIN;
            }
        }
        if (open) {
            return new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                    "interactive transactions are not supported yet: send BEGIN and COMMIT in one message",
                    null, "Send the whole transaction as one query, e.g. \"BEGIN; …; COMMIT;\".", 0, null);
        }
        return null;
    }

    private static List<ResultColumn> resultColumns(PlannedStatement.Query query) {
        return query.columns().stream().map(c -> new ResultColumn(c.name(), c.type())).toList();
    }

    static String commandTag(Program.StatementKind kind, StatementOutcome outcome) {
        return switch (kind) {
            case SELECT -> "SELECT " + outcome.rows().size();
            case INSERT -> "INSERT 0 " + outcome.affected();
            case UPDATE -> "UPDATE " + outcome.affected();
            case DELETE -> "DELETE " + outcome.affected();
        };
    }

    private static SqlException asSqlException(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof SqlException sql ? sql : new SqlException(SqlState.IO_ERROR, cause.getMessage(), cause);
    }
}
