package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.node.ComputeNode;
import dev.amelie.wal.WriteAheadLog;

/**
 * Gives transactions their place in the global order. Entering the nodes is the ordering point:
 * under one lock a transaction's slot is queued on every node, so every node sees the same
 * sequence of transactions. Execution is pipelined: a transaction releases the nodes as soon as it
 * has run and queued its WAL record, before that record is durable.
 */
public final class Executor {
    private final ComputeNode[] nodes;
    private final CatalogStore catalog;
    private final WriteAheadLog wal;
    private final Object orderLock = new Object();
    private long lastOrder;

    public Executor(ComputeNode[] nodes, CatalogStore catalog, WriteAheadLog wal) {
        this.nodes = nodes.clone();
        this.catalog = catalog;
        this.wal = wal;
    }

    /** A new transaction; it takes its place in the order when it first needs the nodes. */
    public Transaction begin() {
        return new Transaction(this);
    }

    CatalogStore catalog() {
        return catalog;
    }

    WriteAheadLog wal() {
        return wal;
    }

    int nodeCount() {
        return nodes.length;
    }

    /** Queues one slot per node for the transaction, atomically with respect to other transactions. */
    TransactionSlot[] enter() {
        TransactionSlot[] slots = new TransactionSlot[nodes.length];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new TransactionSlot();
        }
        synchronized (orderLock) {
            lastOrder++;
            for (int i = 0; i < nodes.length; i++) {
                nodes[i].submit(slots[i]);
            }
        }
        return slots;
    }
}
