package dev.amelie.pgwire.engine;

import dev.amelie.compute.executor.Transaction;
import dev.amelie.planner.PlannedStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Consecutive statements of a message (or of a block's replay) whose node work is sent before
 * the first of them is finished: the nodes run them back to back and the transaction's thread
 * waits for the lot, not for one round trip to a node per statement. Only plain queries that
 * work on the nodes of their own keys qualify ({@link Transaction#submitsAhead}: no other
 * statement's rows, no sequence, no unique index to check, no foreign key), and only runs of at
 * least two.
 *
 * <p>What a statement's work computes before it is sent (its key, the rows it routes) depends on
 * its parameters and the transaction's fixed values only, never on the rows earlier statements
 * wrote, and each node runs what it is sent in order: so the outcomes are those of running the
 * statements one after another. An error computing a later statement's work is kept and thrown
 * when that statement's turn comes, after the statements before it have shown their results.
 */
final class StatementsAhead {
    /** A statement of the run as it would be sent: its plan, parameters and the session's zone then. */
    record Candidate(PlannedStatement.Query query, Object[] parameters, java.time.ZoneId zone) {}

    /** By position in the list being run: a {@link Transaction.Pending} or the RuntimeException sending it threw. */
    private final Map<Integer, Object> sent = new HashMap<>();

    /**
     * The work of the statement at {@code index}, sent ahead earlier or now (with the qualifying
     * statements after it, if there is at least one); null when it runs the ordinary way.
     * {@code candidates} gives the statement at a position, or null if it does not qualify.
     */
    Transaction.Pending take(Transaction transaction, int index, int count, IntFunction<Candidate> candidates) {
        Object ahead = sent.remove(index);
        if (ahead == null && index + 1 < count) {
            List<Candidate> run = new ArrayList<>();
            for (int j = index; j < count; j++) {
                Candidate candidate = candidates.apply(j);
                if (candidate == null || candidate.query().foreignKeys() != null
                        || !transaction.submitsAhead(candidate.query().program())) {
                    break;
                }
                run.add(candidate);
            }
            if (run.size() < 2) {
                return null;
            }
            for (int k = 0; k < run.size(); k++) {
                Candidate candidate = run.get(k);
                transaction.useTimeZone(candidate.zone());
                try {
                    sent.put(index + k, transaction.submit(candidate.query().program(), candidate.parameters()));
                } catch (RuntimeException e) {
                    if (k == 0) {
                        throw e;
                    }
                    sent.put(index + k, e);
                    break; // what follows a failing statement never runs
                }
            }
            ahead = sent.remove(index);
        }
        if (ahead instanceof RuntimeException failure) {
            throw failure;
        }
        return (Transaction.Pending) ahead;
    }

    /** The transaction these were sent in is over (or starts again): nothing sent ahead is waited for. */
    void clear() {
        sent.clear();
    }
}
