package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.storage.RowKey;
import dev.amelie.vm.exec.Interpreter;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Program;
import dev.amelie.compute.node.ComputeNode;
import dev.amelie.wal.WriteAheadLog;

import java.util.BitSet;
import java.util.List;

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

    /** A new transaction that may use every node; it takes its place in the order when it first needs them. */
    public Transaction begin() {
        return begin(allNodes());
    }

    /**
     * A new transaction that will use only {@code nodes}: transactions on disjoint nodes run in
     * parallel, and on shared nodes in the one global order.
     */
    public Transaction begin(BitSet nodes) {
        return new Transaction(this, (BitSet) nodes.clone());
    }

    public BitSet allNodes() {
        BitSet all = new BitSet(nodes.length);
        all.set(0, nodes.length);
        return all;
    }

    /**
     * The nodes a statement will run on with these parameters: none for a statement without a
     * table, the key's owner for a statement on one key, the owners of the rows an INSERT routes,
     * else all. Evaluates only host sections, so it is cheap; the answer is what
     * {@link Transaction#run} will need.
     */
    public BitSet nodesFor(Program program, Object[] parameters) {
        if (!program.sources().isEmpty()) {
            BitSet needed = new BitSet(nodes.length);
            for (Program source : program.sources()) {
                needed.or(nodesFor(source, parameters));
            }
            if (program.routing() == Program.Routing.BY_ROW_KEY) {
                needed.set(0, nodes.length); // where the source rows go is known only once they exist
            }
            return needed;
        }
        if (program.input() != null && (program.input().calls(Function.RANDOM) || program.input().calls(Function.NOW)
                || SequenceUse.any(program))) {
            return allNodes(); // the keys are known only once the transaction fixes its time and numbers
        }
        if (program.kind() != Program.StatementKind.SELECT && hasUniqueIndex(program.tableId())) {
            return allNodes(); // a unique index is checked across every partition (see SecondaryIndex)
        }
        // Keys that need the transaction's fixed values were sent to every node above.
        FixedValues fixed = FixedValues.NONE;
        BitSet needed = new BitSet(nodes.length);
        switch (program.routing()) {
            case NONE -> {
            }
            case ALL -> needed.set(0, nodes.length);
            case BY_KEY -> {
                Table table = catalog.current().table(program.tableId());
                if (table == null) {
                    return allNodes();
                }
                needed.set(Transaction.nodeOfKey(table, Transaction.keyOf(program, parameters, fixed)));
            }
            case BY_ROW_KEY -> {
                Table table = catalog.current().table(program.tableId());
                if (table == null || !table.def().hasPrimaryKey()) {
                    return allNodes(); // hidden row ids are assigned when the rows are routed
                }
                HostContext input = new HostContext(parameters, List.of(), List.of(), () -> false, fixed, HostContext.INPUT_SALT);
                Interpreter.run(program.input(), input);
                for (Object[] row : input.output()) {
                    needed.set(Transaction.nodeOfKey(table, RowKey.of(table.def(), row)));
                }
            }
        }
        return needed;
    }

    private boolean hasUniqueIndex(long tableId) {
        Table table = catalog.current().table(tableId);
        return table != null && table.hasUniqueIndex();
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

    /**
     * Queues one slot on each of the given nodes for the transaction, atomically with respect to
     * other transactions; slots of nodes it does not use stay null.
     */
    TransactionSlot[] enter(BitSet used) {
        TransactionSlot[] slots = new TransactionSlot[nodes.length];
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            slots[i] = new TransactionSlot();
        }
        synchronized (orderLock) {
            lastOrder++;
            for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
                nodes[i].submit(slots[i]);
            }
        }
        return slots;
    }
}
