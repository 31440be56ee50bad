package dev.amelie.pgwire.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the engine counts for operators (exported as Prometheus metrics by the admin CLI): client
 * transactions by outcome, statements and errors by SQLSTATE, serialization failures by cause,
 * and commit latency from the start of the message to the durable acknowledgement.
 */
public final class EngineMetrics {
    private final LongAdder commitsWithWrites = new LongAdder();
    private final LongAdder readOnlyCommits = new LongAdder();
    private final LongAdder rollbacks = new LongAdder();
    private final LongAdder failedTransactions = new LongAdder();
    private final LongAdder statements = new LongAdder();
    private final LongAdder pointReads = new LongAdder();
    private final LongAdder sentAhead = new LongAdder();
    private final LongAdder borrowedMessages = new LongAdder();
    private final LongAdder handedMessages = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> serializationFailures = new ConcurrentHashMap<>();
    private final LatencyHistogram commitLatency = new LatencyHistogram();

    void committed(boolean wrote, long nanos) {
        (wrote ? commitsWithWrites : readOnlyCommits).increment();
        commitLatency.record(nanos);
    }

    void rolledBack() {
        rollbacks.increment();
    }

    void failed(String sqlState, String serializationCause) {
        failedTransactions.increment();
        errors.computeIfAbsent(sqlState, s -> new LongAdder()).increment();
        if (serializationCause != null) {
            serializationFailures.computeIfAbsent(serializationCause, c -> new LongAdder()).increment();
        }
    }

    void statementsRun(int count) {
        statements.add(count);
    }

    void pointRead() {
        pointReads.increment();
    }

    void sentAhead() {
        sentAhead.increment();
    }

    void ranOnBorrowedNodes() {
        borrowedMessages.increment();
    }

    /** Messages run by their session's IO thread on nodes it borrowed, with no transaction thread. */
    public long messagesOnBorrowedNodes() {
        return borrowedMessages.sum();
    }

    void handedToNodes() {
        handedMessages.increment();
    }

    /** Messages of key statements whose nodes were busy, run by their nodes' threads, with no transaction thread. */
    public long messagesHandedToNodes() {
        return handedMessages.sum();
    }

    /** Statements whose node work was sent before the statement before them finished (StatementsAhead). */
    public long statementsSentAhead() {
        return sentAhead.sum();
    }

    /** Lone autocommit SELECTs of one key that the key's node ran and completed, with no transaction thread. */
    public long pointReads() {
        return pointReads.sum();
    }

    public long commitsWithWrites() {
        return commitsWithWrites.sum();
    }

    public long readOnlyCommits() {
        return readOnlyCommits.sum();
    }

    public long rollbacks() {
        return rollbacks.sum();
    }

    /** Transactions that ended with an error (the client got an ErrorResponse). */
    public long failedTransactions() {
        return failedTransactions.sum();
    }

    public long statements() {
        return statements.sum();
    }

    /** Errors sent to clients, by SQLSTATE. */
    public Map<String, Long> errorsBySqlState() {
        return sums(errors);
    }

    /** 40001s by cause: replay_mismatch (a replayed statement showed something else), other. */
    public Map<String, Long> serializationFailuresByCause() {
        return sums(serializationFailures);
    }

    public LatencyHistogram commitLatency() {
        return commitLatency;
    }

    private static Map<String, Long> sums(ConcurrentHashMap<String, LongAdder> adders) {
        Map<String, Long> sums = new TreeMap<>();
        adders.forEach((key, adder) -> sums.put(key, adder.sum()));
        return sums;
    }
}
