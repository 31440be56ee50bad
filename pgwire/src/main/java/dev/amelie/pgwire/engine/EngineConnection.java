package dev.amelie.pgwire.engine;

import dev.amelie.compute.executor.SequenceDraws;
import dev.amelie.pgwire.session.QueryEngine;
import dev.amelie.pgwire.session.QueryEngine.TransactionStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client connection's transaction block. An interactive transaction keeps no node, no lock
 * and no row between the client's messages: only the statements it ran, a fingerprint of what
 * each showed the client, and its savepoints (positions in that list). Every message replays
 * the statements first (speculation), and COMMIT replays them as one ordinary transaction,
 * which commits only if every statement shows the same again (ARCHITECTURE.md, "Interactive
 * transactions").
 *
 * <p>Used by one message at a time: the protocol session sends the next message only after
 * the previous one completed, so plain fields suffice; status is volatile because the session
 * reads it on its event loop.
 */
final class EngineConnection implements QueryEngine.Connection {
    /** A statement of the open block and the fingerprint of what the client saw it return. */
    /** {@code zone}: the session's TimeZone the statement ran in; its replays run in it too. */
    record ShownStatement(QueryEngine.BoundStatement statement, long fingerprint, SequenceDraws.Recorded draws,
                          java.time.ZoneId zone) {}

    /** The last nextval of each sequence in this session (currval). */
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    Map<String, Long> sequences() {
        return sequences;
    }

    /** The cursors DECLARE opened and CLOSE, COMMIT or ROLLBACK has not closed yet. */
    private final Cursors cursors = new Cursors();

    Cursors cursors() {
        return cursors;
    }

    @Override
    public java.util.List<QueryEngine.ResultColumn> cursorColumns(String name) {
        return cursors.columns(name);
    }

    /** A savepoint: its name and how many statements of the block precede it. */
    record Savepoint(String name, int mark) {}

    private volatile TransactionStatus status = TransactionStatus.IDLE;
    /** The server's sessions as this one sees them; NONE until the protocol layer attaches them. */
    private volatile dev.amelie.pgwire.session.SessionSide sessions = dev.amelie.pgwire.session.SessionSide.NONE;

    @Override
    public void attach(dev.amelie.pgwire.session.SessionSide sessions) {
        this.sessions = sessions;
    }

    dev.amelie.pgwire.session.SessionSide sessions() {
        return sessions;
    }

    /** The last plan whose privileges were checked, for which role and catalog version: checked once, not per run. */
    private Object checkedPlan;
    private long checkedRole;
    private long checkedVersion;

    boolean privilegesChecked(Object plan, long role, long catalogVersion) {
        return plan == checkedPlan && role == checkedRole && catalogVersion == checkedVersion;
    }

    void privilegesPassed(Object plan, long role, long catalogVersion) {
        checkedPlan = plan;
        checkedRole = role;
        checkedVersion = catalogVersion;
    }

    /** What this connection's statements see of the server: made once, at the first statement that needs it. */
    private dev.amelie.vm.exec.ServerState serverState;

    dev.amelie.vm.exec.ServerState serverState(
            java.util.function.Function<dev.amelie.pgwire.session.SessionSide, dev.amelie.vm.exec.ServerState> make) {
        if (serverState == null) {
            serverState = make.apply(sessions);
        }
        return serverState;
    }
    /** now() and the random seed of the current transaction: kept while a block is open, so replays see them again. */
    private Instant transactionTime = Instant.now();
    private long transactionSeed;
    private List<ShownStatement> block = List.of();
    private List<Savepoint> savepoints = List.of();
    /**
     * The open block is a multi-statement Query's implicit transaction, kept across a COPY FROM
     * STDIN's data stream: it commits at the end of the message, and a failure ends it.
     */
    private boolean implicitBlock;
    /** Set by {@link #continueMessage()} for the next message part only. */
    private boolean messageContinues;

    @Override
    public TransactionStatus status() {
        return status;
    }

    /** A new transaction starts (not a later message of an open block): new time, new seed. */
    void startTransaction() {
        transactionTime = Instant.now();
        transactionSeed = ThreadLocalRandom.current().nextLong();
    }

    /** The session's TimeZone now: a statement runs in the zone it finds when its turn comes. */
    java.time.ZoneId timeZone() {
        // Lower case already: the lookup key needs no new string (asked several times per message).
        return dev.amelie.vm.value.TimeZoneSetting.zoneOf(sessions.setting("timezone", true));
    }

    Instant transactionTime() {
        return transactionTime;
    }

    long transactionSeed() {
        return transactionSeed;
    }

    List<ShownStatement> block() {
        return block;
    }

    @Override
    public boolean blockChangedCatalog() {
        for (ShownStatement shown : block) {
            if (shown.statement().query().changesCatalog()) {
                return true;
            }
        }
        return false;
    }

    List<Savepoint> savepoints() {
        return savepoints;
    }

    void setStatus(TransactionStatus status) {
        this.status = status;
    }

    @Override
    public void continueMessage() {
        messageContinues = true;
    }

    /** Whether the message part about to run is followed by more of its message (the mark stays). */
    boolean messageContinues() {
        return messageContinues;
    }

    /** Whether the message part about to run is followed by more of its message; clears the mark. */
    boolean takeMessageContinues() {
        boolean continues = messageContinues;
        messageContinues = false;
        return continues;
    }

    boolean implicitBlock() {
        return implicitBlock;
    }

    /** A message part before a COPY FROM STDIN ran in autocommit: its statements become an implicit block. */
    void keepImplicitBlock(List<ShownStatement> statements, List<Savepoint> marks) {
        keepBlock(statements, marks);
        implicitBlock = true;
    }

    /** BEGIN inside an implicit block: from now on the client ends the block. */
    void makeBlockExplicit() {
        implicitBlock = false;
    }

    /** After a message that leaves the block open: these statements and savepoints are the block now. */
    void keepBlock(List<ShownStatement> statements, List<Savepoint> marks) {
        block = new ArrayList<>(statements);
        savepoints = new ArrayList<>(marks);
        status = TransactionStatus.IN_BLOCK;
    }

    /**
     * A statement of the block failed: the block refuses everything but ROLLBACK and ROLLBACK TO
     * SAVEPOINT, which may bring back the statements before the savepoint.
     */
    void failBlock(List<ShownStatement> statements, List<Savepoint> marks) {
        if (implicitBlock) {
            // An implicit transaction that fails is over, as the message is.
            endBlock(TransactionStatus.IDLE);
            return;
        }
        block = new ArrayList<>(statements);
        savepoints = new ArrayList<>(marks);
        status = TransactionStatus.FAILED;
    }

    @Override
    public void fail() {
        if (implicitBlock) {
            endBlock(TransactionStatus.IDLE);
            return;
        }
        if (status == TransactionStatus.IN_BLOCK) {
            status = TransactionStatus.FAILED;
        }
    }

    /**
     * The block ended: nothing of it is kept. The cursors it declared go too, unless a COMMIT
     * handed its WITH HOLD ones to the session first ({@link Cursors#commit()}).
     */
    void endBlock(TransactionStatus next) {
        cursors.rollback();
        implicitBlock = false;
        block = List.of();
        savepoints = List.of();
        status = next;
    }

    /** Set by a CancelRequest; cleared when the next message starts (a cancel stops only what runs). */
    private volatile boolean cancelRequested;

    /** Set with cancelRequested when the cause was statement_timeout. */
    private volatile boolean timedOut;

    @Override
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public void timeOut() {
        timedOut = true;
        cancelRequested = true;
    }

    boolean timedOut() {
        return timedOut;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    void clearCancel() {
        cancelRequested = false;
        timedOut = false;
    }

    @Override
    public void close() {
        endBlock(TransactionStatus.IDLE);
        cursors.closeAll();
    }
}
