package dev.amelie.compute.executor;

import java.util.List;

/**
 * A statement's result rows (queries), the number of rows it inserted, updated or deleted, and
 * the sequence values it drew (to give a replay of the statement).
 */
public record StatementOutcome(List<Object[]> rows, long affected, SequenceDraws.Recorded draws) {
    public StatementOutcome(List<Object[]> rows, long affected) {
        this(rows, affected, SequenceDraws.Recorded.NONE);
    }

    StatementOutcome withDraws(SequenceDraws.Recorded recorded) {
        return new StatementOutcome(rows, affected, recorded);
    }
}
