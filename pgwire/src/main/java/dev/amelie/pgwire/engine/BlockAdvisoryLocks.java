package dev.amelie.pgwire.engine;

import dev.amelie.pgwire.session.AdvisoryLocks;
import dev.amelie.pgwire.session.SessionSide;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.program.Function;

import java.util.ArrayList;
import java.util.List;

/**
 * One connection's advisory lock calls. A lock call acts once: when an open block's statements
 * run again (a later message replays them, and COMMIT does), each lock call answers what it
 * answered the first time and takes or releases nothing, as a sequence draw is reused by a
 * replay (ARCHITECTURE.md, interactive transactions). The answers of the open block are kept in
 * call order; a replay runs the block's statements in their order, so the n-th call gets the n-th.
 *
 * <p>Confined to the connection's statement thread (one statement of a session runs at a time).
 */
final class BlockAdvisoryLocks {
    private final SessionSide session;
    private final java.util.function.BooleanSupplier cancelled;
    private final List<Object> answers = new ArrayList<>();
    private int next;

    BlockAdvisoryLocks(SessionSide session, java.util.function.BooleanSupplier cancelled) {
        this.session = session;
        this.cancelled = cancelled;
    }

    /** A new transaction starts: nothing of the last block's calls is replayed any more. */
    void startTransaction() {
        answers.clear();
        next = 0;
    }

    /** A message starts: when it replays the block, the calls answer again from the first one. */
    void startMessage(boolean replaysBlock) {
        next = replaysBlock ? 0 : answers.size();
    }

    /**
     * ROLLBACK TO SAVEPOINT ran the statements before the savepoint again: the answers of the
     * ones after it are no longer the block's. (What those calls took stays held, as a session
     * lock does in PostgreSQL; PostgreSQL would also release their transaction-level locks.)
     */
    void forgetAfterReplay() {
        answers.subList(next, answers.size()).clear();
    }

    Object call(Function function, Object[] arguments) {
        if (next < answers.size()) {
            return answers.get(next++);
        }
        Object answer = act(function, arguments);
        answers.add(answer);
        next++;
        return answer;
    }

    private Object act(Function function, Object[] arguments) {
        AdvisoryLocks locks = session.advisoryLocks();
        if (locks == null) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "advisory locks are not available here");
        }
        int pid = session.backendPid();
        if (function == Function.PG_ADVISORY_UNLOCK_ALL) {
            locks.unlockAll(pid);
            return null;
        }
        AdvisoryLocks.Key key = arguments.length == 2
                ? new AdvisoryLocks.Key(((Number) arguments[0]).longValue() << 32 | (((Number) arguments[1]).longValue() & 0xffffffffL), true)
                : new AdvisoryLocks.Key(((Number) arguments[0]).longValue(), false);
        return switch (function) {
            case PG_TRY_ADVISORY_LOCK -> locks.tryLock(pid, key, false, false);
            case PG_TRY_ADVISORY_LOCK_SHARED -> locks.tryLock(pid, key, true, false);
            case PG_TRY_ADVISORY_XACT_LOCK -> locks.tryLock(pid, key, false, true);
            case PG_TRY_ADVISORY_XACT_LOCK_SHARED -> locks.tryLock(pid, key, true, true);
            case PG_ADVISORY_LOCK -> waitFor(locks, pid, key, false, false);
            case PG_ADVISORY_LOCK_SHARED -> waitFor(locks, pid, key, true, false);
            case PG_ADVISORY_XACT_LOCK -> waitFor(locks, pid, key, false, true);
            case PG_ADVISORY_XACT_LOCK_SHARED -> waitFor(locks, pid, key, true, true);
            case PG_ADVISORY_UNLOCK -> locks.unlock(pid, key, false);
            case PG_ADVISORY_UNLOCK_SHARED -> locks.unlock(pid, key, true);
            default -> throw new IllegalStateException(function.name());
        };
    }

    /** The waiting forms return void: NULL here. A cancel (or statement_timeout) ends the wait with 57014. */
    private Object waitFor(AdvisoryLocks locks, int pid, AdvisoryLocks.Key key, boolean shared, boolean transaction) {
        try {
            if (!locks.lock(pid, key, shared, transaction, cancelled)) {
                throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
        return null;
    }
}
