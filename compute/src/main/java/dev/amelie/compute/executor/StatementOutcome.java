package dev.amelie.compute.executor;

import java.util.List;

/**
 * A statement's result rows (queries), the number of rows it inserted, updated or deleted, and
 * the sequence values it drew (to give a replay of the statement). {@code written}: the rows a
 * write stored (INSERT, in order) or, when its program emits them, the new versions an UPDATE
 * stored and the rows a DELETE removed (what foreign keys are checked against); else empty.
 */
public record StatementOutcome(List<Object[]> rows, long affected, SequenceDraws.Recorded draws, List<Object[]> written) {
    public StatementOutcome(List<Object[]> rows, long affected) {
        this(rows, affected, SequenceDraws.Recorded.NONE, List.of());
    }

    public StatementOutcome(List<Object[]> rows, long affected, SequenceDraws.Recorded draws) {
        this(rows, affected, draws, List.of());
    }

    StatementOutcome withDraws(SequenceDraws.Recorded recorded) {
        return new StatementOutcome(rows, affected, recorded, written);
    }
}
