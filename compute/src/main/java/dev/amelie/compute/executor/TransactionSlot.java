package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.node.ComputeNode;
import dev.amelie.compute.node.NodeTask;
import dev.amelie.vm.exec.Interpreter;
import dev.amelie.vm.program.Code;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * One transaction's turn on one compute node. Once the node reaches it in its inbox, the node
 * serves only this transaction's requests until the coordinator ends it: that is what makes the
 * inbox order the transaction order. The undo log lives here, on the node thread.
 */
final class TransactionSlot implements NodeTask {
    /** What the coordinator sent a queued turn; null for a turn whose requests run as they are sent. */
    private final LinkedBlockingQueue<Request> requests;
    private final List<UndoEntry> undo = new ArrayList<>();
    /**
     * The node whose requests the sender runs itself, as it sends them: one the coordinator's
     * thread borrowed, or one whose turn carries handed work; null for a queued turn.
     */
    private final ComputeNode inline;
    /** The transaction's work handed to its nodes with this slot ({@link Handover}); else null. */
    private final Handover handover;
    /** A handed slot's End has been served: its node thread, waiting at the slot, goes on. */
    private volatile boolean ended;
    /** The node thread waiting at a handed slot. */
    private volatile Thread waiting;

    /** A turn queued in the node's inbox, served by the node's thread. */
    TransactionSlot() {
        this(null, null);
    }

    /** A turn on a node the calling thread borrowed ({@link ComputeNode#borrow}); the End gives it back. */
    TransactionSlot(ComputeNode borrowed) {
        this(borrowed, null);
    }

    /** A turn queued on {@code node} whose requests are served by whoever runs the handed work. */
    TransactionSlot(ComputeNode node, Handover handover) {
        this.inline = node;
        this.handover = handover;
        this.requests = node == null ? new LinkedBlockingQueue<>() : null;
    }

    /** Whether a handed slot's turn has ended. */
    boolean ended() {
        return ended;
    }

    sealed interface Request {}

    /**
     * A section to run on the node's partition of {@code table}. The table is looked up again
     * in {@code catalog} when the node runs it: DDL ordered before this transaction (TRUNCATE,
     * DROP) may have replaced it after the host looked, and the node's turn comes after that DDL.
     */
    record Pushdown(dev.amelie.compute.catalog.CatalogStore catalog, Table table, Code code, Object[] parameters, List<Object[]> input,
                    List<List<Object[]>> sources, boolean modifies,
                    java.util.function.BooleanSupplier cancelled, FixedValues fixed,
                    dev.amelie.compute.layout.ComputeLayout layout,
                    CompletableFuture<PushdownResult> reply) implements Request {}

    /** Runs code on the node's thread during the turn (checkpoints freeze and thaw partitions so). */
    record OnNode(java.util.function.IntConsumer action, CompletableFuture<Void> done) implements Request {}

    /**
     * Ends the turn: commit keeps the changes, abort undoes them. A commit that changed rows
     * names its WAL record's {@code lsn} (and {@code durable}, an LSN durable as it commits): the
     * keys it wrote are noted in their partitions' {@link dev.amelie.compute.storage.RecentWrites}.
     */
    record End(boolean commit, long lsn, long durable, CompletableFuture<Void> done) implements Request {
        /** An end that wrote nothing to the log: an abort, or a commit of reads. */
        End(boolean commit, CompletableFuture<Void> done) {
            this(commit, 0, 0, done);
        }
    }

    /** Runs a pushdown on node {@code nodeId}'s partition, recording what it changes in {@code undo}. */
    private static PushdownResult run(Pushdown p, int nodeId, List<UndoEntry> undo) {
        Table table = p.catalog().current().table(p.table().def().id());
        if (table == null) {
            throw new dev.amelie.vm.error.SqlException(dev.amelie.vm.error.SqlState.UNDEFINED_TABLE,
                    "relation \"" + p.table().def().name() + "\" does not exist");
        }
        PartitionContext context = new PartitionContext(table, nodeId, p.layout(), p.parameters(),
                p.input(), p.sources(), p.modifies(), undo, p.cancelled(), p.fixed(), p.catalog().current());
        Interpreter.run(p.code(), context);
        return context.result();
    }

    void send(Request request) {
        if (inline == null) {
            requests.add(request);
            return;
        }
        // Borrowed, or handed (then only the thread running the work sends, once every node
        // thread waits at its slot).
        boolean end = false;
        try {
            end = handle(request, inline);
        } finally {
            if (request instanceof End && handover == null) {
                inline.giveBack();
            }
        }
        if (end && handover != null) {
            ended = true;
            Thread node = waiting;
            if (node != null && node != Thread.currentThread()) {
                LockSupport.unpark(node);
            }
        }
    }

    @Override
    public void runOn(ComputeNode node) {
        if (handover != null) {
            waiting = Thread.currentThread();
            handover.arrive();
            while (!ended) {
                LockSupport.park(this);
            }
            return;
        }
        while (true) {
            Request request;
            try {
                request = requests.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (handle(request, node)) {
                return;
            }
        }
    }

    /** Serves one request of the turn; true when it ended the turn. */
    private boolean handle(Request request, ComputeNode node) {
        switch (request) {
            case Pushdown p -> {
                try {
                    p.reply().complete(run(p, node.id(), undo));
                } catch (RuntimeException e) {
                    p.reply().completeExceptionally(e);
                } catch (OutOfMemoryError e) {
                    // The memory budget's estimate fell short. The section's rows are garbage
                    // now; the node must live on for every other transaction, so this one fails.
                    p.reply().completeExceptionally(new dev.amelie.vm.error.SqlException(
                            dev.amelie.vm.error.SqlState.OUT_OF_MEMORY, "out of memory"));
                }
            }
            case OnNode on -> {
                try {
                    on.action().accept(node.id());
                    on.done().complete(null);
                } catch (RuntimeException e) {
                    on.done().completeExceptionally(e);
                }
            }
            case End end -> {
                if (!end.commit()) {
                    for (int i = undo.size() - 1; i >= 0; i--) {
                        undo.get(i).apply();
                    }
                } else if (end.lsn() > 0) {
                    boolean many = undo.size() > dev.amelie.compute.storage.RecentWrites.KEYS_PER_COMMIT;
                    for (UndoEntry entry : undo) {
                        entry.noteWritten(end.lsn(), end.durable(), many);
                    }
                }
                undo.clear();
                end.done().complete(null);
                return true;
            }
        }
        return false;
    }
}
