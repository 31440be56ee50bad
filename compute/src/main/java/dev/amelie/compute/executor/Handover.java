package dev.amelie.compute.executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transaction whose whole work is handed to its nodes with its slots: instead of a thread of
 * its own that sends requests and waits for the nodes to serve them, the last of its node threads
 * to reach its slot (or the coordinator, if every node got there before it was done entering) runs
 * the work itself, on every slot of the transaction as on borrowed nodes, while the other node
 * threads wait at their slots until the work has ended them.
 *
 * <p>For work that takes moments and never waits for anything but these nodes (the same work an
 * IO thread may run on borrowed nodes): when a node is busy, handing it over costs one queued slot
 * and no thread switch, where a transaction thread would wake and be woken for every request.
 */
final class Handover {
    private static final Logger LOG = LoggerFactory.getLogger(Handover.class);

    private final Runnable work;
    /** The node threads still to reach their slots, plus the coordinator still entering. */
    private final AtomicInteger missing;
    private final List<TransactionSlot> slots = new ArrayList<>();

    Handover(Runnable work) {
        this.work = work;
        this.missing = new AtomicInteger(1);
    }

    /** Called once per slot, by the executor, under its order lock (before any node can arrive). */
    void add(TransactionSlot slot) {
        slots.add(slot);
        missing.incrementAndGet();
    }

    /**
     * One of the node threads, or the coordinator, is ready. The last one runs the work and,
     * should the work have left a slot open (a bug: it must end its transaction on every path),
     * ends it with an abort so that no node thread waits forever.
     */
    void arrive() {
        if (missing.decrementAndGet() != 0) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            LOG.error("work handed to compute nodes failed outside its transaction", e);
        } finally {
            for (TransactionSlot slot : slots) {
                if (!slot.ended()) {
                    LOG.error("work handed to compute nodes left its turn open; undoing it");
                    slot.send(new TransactionSlot.End(false, new java.util.concurrent.CompletableFuture<>()));
                }
            }
        }
    }
}
