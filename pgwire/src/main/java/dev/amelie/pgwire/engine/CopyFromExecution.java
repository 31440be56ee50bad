package dev.amelie.pgwire.engine;

import dev.amelie.compute.executor.StatementOutcome;
import dev.amelie.compute.executor.Transaction;
import dev.amelie.planner.ForeignKeySteps;
import dev.amelie.planner.Planner;
import dev.amelie.planner.copy.CopyStatement;
import dev.amelie.planner.copy.CopyTarget;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Program;

import java.util.List;

/**
 * Loads the rows of a COPY FROM STDIN inside the statement's transaction: {@link #BATCH_ROWS}
 * rows per executor statement (one INSERT program over many rows, see the planner's
 * CopyLowering), so that a large load costs few node round trips, and the whole COPY is undone
 * with its transaction if any row fails.
 */
final class CopyFromExecution {
    /** Rows per executor statement: large enough that round trips do not matter, small enough to route quickly. */
    static final int BATCH_ROWS = 1024;

    private final Planner planner;
    private final ForeignKeyEnforcement foreignKeys;

    CopyFromExecution(Planner planner, ForeignKeyEnforcement foreignKeys) {
        this.planner = planner;
        this.foreignKeys = foreignKeys;
    }

    StatementExecution.Result run(Transaction transaction, CopyStatement copy, List<Object[]> rows) {
        if (rows == null) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "COPY FROM STDIN is supported only in the simple query protocol");
        }
        CopyTarget target = planner.copyTarget(copy);
        // The rows' foreign keys are checked batch by batch, the rows in order: the first missing key is PostgreSQL's.
        ForeignKeySteps checks = ForeignKeySteps.ofInsert(target.table());
        int width = target.positions().length;
        long loaded = 0;
        for (int from = 0; from < rows.size(); from += BATCH_ROWS) {
            int count = Math.min(BATCH_ROWS, rows.size() - from);
            Object[] parameters = new Object[count * width];
            for (int i = 0; i < count; i++) {
                Object[] row = rows.get(from + i);
                if (row.length != width) {
                    // The table changed between the data's parsing and now.
                    throw new SqlException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                            "relation \"" + copy.table() + "\" changed while its COPY data was sent");
                }
                System.arraycopy(row, 0, parameters, i * width, width);
            }
            Program batch = planner.copyBatch(target, count);
            StatementOutcome outcome = transaction.run(batch, parameters);
            loaded += outcome.affected();
            if (checks != null) {
                foreignKeys.afterWrite(transaction, checks, outcome.written());
            }
        }
        // What the client sees is "COPY n": the replay of an open block must show the same count.
        return new StatementExecution.Result("COPY " + loaded, List.of(), null, List.of(),
                ResultFingerprint.of(new StatementOutcome(List.of(), loaded)));
    }
}
