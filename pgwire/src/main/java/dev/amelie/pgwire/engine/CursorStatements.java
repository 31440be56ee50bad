package dev.amelie.pgwire.engine;

import dev.amelie.compute.executor.Transaction;
import dev.amelie.pgwire.engine.EngineConnection.ShownStatement;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.StatementResult;
import dev.amelie.pgwire.session.QueryEngine.TransactionStatus;
import dev.amelie.planner.PlannedStatement;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;

import java.util.List;

/**
 * DECLARE, FETCH, MOVE and CLOSE (portalcmds.c). DECLARE runs its query at once, in the
 * transaction, and the cursor keeps every row; it is recorded among the transaction's statements
 * like a SELECT, so COMMIT runs the query again and fails with 40001 if it sees other rows.
 * FETCH and MOVE then read the kept rows and touch no node; they are not recorded: what they show
 * follows from the rows the DECLARE's fingerprint covers.
 */
final class CursorStatements {
    private final StatementExecution execution;

    CursorStatements(StatementExecution execution) {
        this.execution = execution;
    }

    /**
     * {@code implicitBlock}: the statement is one of several of a simple Query, whose implicit
     * transaction block PostgreSQL lets a cursor without HOLD live in until the message ends.
     */
    void declare(EngineConnection connection, Transaction transaction, List<ShownStatement> shown,
                 List<StatementResult> results, PlannedStatement.DeclareCursor declare, BoundStatement statement,
                 boolean implicitBlock) {
        if (!declare.hold() && connection.status() == TransactionStatus.IDLE && !implicitBlock) {
            // xact.c CheckTransactionBlock: a cursor without HOLD would end with the statement.
            throw new SqlException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
        }
        connection.cursors().checkFree(declare.name());
        StatementExecution.Result result = execution.run(transaction, declare, statement);
        connection.cursors().add(new Cursor(declare.name(), result.columns(), result.rows(), declare.scroll(),
                declare.hold(), declare.binary(), shown.size()));
        shown.add(new ShownStatement(statement, result.fingerprint(), result.draws(), connection.timeZone()));
        results.add(new StatementResult("DECLARE CURSOR", List.of()));
    }

    StatementResult fetch(EngineConnection connection, PlannedStatement.FetchCursor fetch) {
        Cursor cursor = connection.cursors().get(fetch.name());
        Cursor.Moved moved = cursor.fetch(fetch.direction(), fetch.count(), !fetch.move());
        if (fetch.move()) {
            return new StatementResult("MOVE " + moved.count(), List.of());
        }
        return new StatementResult("FETCH " + moved.count(), moved.rows(), cursor.columns, List.of(), cursor.binary);
    }

    StatementResult close(EngineConnection connection, PlannedStatement.CloseCursor close) {
        if (close.name() == null) {
            connection.cursors().closeAll();
            return new StatementResult("CLOSE CURSOR ALL", List.of());
        }
        connection.cursors().close(close.name());
        return new StatementResult("CLOSE CURSOR", List.of());
    }
}
