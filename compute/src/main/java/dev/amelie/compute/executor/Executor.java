package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.CatalogStore;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.storage.RowKey;
import dev.amelie.vm.exec.Interpreter;
import dev.amelie.vm.program.Function;
import dev.amelie.vm.program.Program;
import dev.amelie.compute.node.ComputeNode;
import dev.amelie.wal.WriteAheadLog;

import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.storage.HashSpace;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Gives transactions their place in the global order. Entering the nodes is the ordering point:
 * under one lock a transaction's slot is queued on every node, so every node sees the same
 * sequence of transactions. Execution is pipelined: a transaction releases the nodes as soon as it
 * has run and queued its WAL record, before that record is durable.
 *
 * <p>The compute layout (which nodes exist, which owns each hash slot) changes at the same
 * ordering point: a transaction that installs a new layout does so as it enters, so every
 * transaction before it routes by the old layout and every one after it by the new.
 */
public final class Executor {
    /** Compute nodes by id; null for ids dropped or never used. */
    private volatile ComputeNode[] nodes;
    private volatile ComputeLayout layout;
    private final CatalogStore catalog;
    private final WriteAheadLog wal;
    private final Object orderLock = new Object();
    /** query_memory_limit and the server's heap guard; by default no limit but the heap's. */
    private volatile long queryMemoryLimit = Long.MAX_VALUE;
    private volatile java.util.function.BooleanSupplier heapLow = () -> false;
    private long lastOrder;
    /** The WAL record of the last commit that changed the catalog, the layout or a sequence. */
    private final java.util.concurrent.atomic.AtomicLong catalogChangedAt = new java.util.concurrent.atomic.AtomicLong();

    /** @param nodes the running nodes of {@code layout}, indexed by node id */
    public Executor(ComputeNode[] nodes, ComputeLayout layout, CatalogStore catalog, WriteAheadLog wal) {
        this.nodes = nodes.clone();
        this.layout = layout;
        this.catalog = catalog;
        this.wal = wal;
    }

    /** A new transaction that may use every node; it takes its place in the order when it first needs them. */
    public Transaction begin() {
        return begin(NodeSet.all());
    }

    /**
     * A new transaction that will use only {@code nodes}: transactions on disjoint nodes run in
     * parallel, and on shared nodes in the one global order.
     */
    public Transaction begin(NodeSet nodes) {
        return new Transaction(this, nodes, null);
    }

    /**
     * A transaction that installs {@code next} as the compute layout when it enters, holding the
     * nodes {@code hold} (ids of {@code next}), and logs the new layout when it commits. Only one
     * such transaction may be under way at a time (ALTER COMPUTE runs one step after another).
     */
    public Transaction beginLayoutChange(ComputeLayout next, BitSet hold) {
        return new Transaction(this, NodeSet.of(hold, next), next);
    }

    /**
     * Each statement's rows may take {@code bytesPerStatement} (53200 beyond), and none may grow
     * while {@code heapLow} says the server's heap is nearly full.
     */
    public void limitMemory(long bytesPerStatement, java.util.function.BooleanSupplier heapLow) {
        this.queryMemoryLimit = bytesPerStatement;
        this.heapLow = heapLow;
    }

    dev.amelie.vm.memory.MemoryBudget newMemoryBudget() {
        return new dev.amelie.vm.memory.MemoryBudget(queryMemoryLimit, heapLow);
    }

    public NodeSet allNodes() {
        return NodeSet.all();
    }

    /** The layout transactions entering now route by. */
    public ComputeLayout layout() {
        return layout;
    }

    /** The running node of an id in the current layout, or null. */
    public ComputeNode node(int id) {
        ComputeNode[] all = nodes;
        return id < all.length ? all[id] : null;
    }

    /** Makes a started node known, so that a layout that has it can be installed. */
    public void addNode(ComputeNode node) {
        synchronized (orderLock) {
            ComputeNode[] more = Arrays.copyOf(nodes, Math.max(nodes.length, node.id() + 1));
            more[node.id()] = node;
            nodes = more;
        }
    }

    /**
     * The nodes a statement will run on with these parameters: none for a statement without a
     * table, the key's owner for a statement on one key, the owners of the rows an INSERT routes,
     * else all. Evaluates only host sections, so it is cheap; the answer is what
     * {@link Transaction#run} will need.
     */
    public NodeSet nodesFor(Program program, Object[] parameters) {
        return nodesFor(program, parameters, dev.amelie.vm.value.TimeZoneSetting.DEFAULT.zone());
    }

    /** As {@link #nodesFor(Program, Object[])} for a session in this time zone (a key may be a timestamptz read from text). */
    public NodeSet nodesFor(Program program, Object[] parameters, java.time.ZoneId zone) {
        ComputeLayout routing = layout;
        BitSet needed = idsFor(program, parameters, routing, zone);
        return needed == null ? NodeSet.all() : NodeSet.of(needed, routing);
    }

    /** null: every node. */
    private BitSet idsFor(Program program, Object[] parameters, ComputeLayout routing, java.time.ZoneId zone) {
        if (!program.sources().isEmpty()) {
            if (program.routing() == Program.Routing.BY_ROW_KEY) {
                return null; // where the source rows go is known only once they exist
            }
            if (program.routing() == Program.Routing.ALL || program.routing() == Program.Routing.BY_KEY) {
                return null; // an UPDATE or DELETE over its sources' rows (FROM, USING, subqueries)
            }
            BitSet needed = new BitSet();
            for (Program source : program.sources()) {
                BitSet ofSource = idsFor(source, parameters, routing, zone);
                if (ofSource == null) {
                    return null;
                }
                needed.or(ofSource);
            }
            return needed;
        }
        if (program.input() != null && (drawsFromTransaction(program.input()) || SequenceUse.any(program))) {
            return null; // the keys are known only once the transaction fixes its time and numbers
        }
        if (program.kind() != Program.StatementKind.SELECT && hasUniqueIndex(program.tableId())) {
            return null; // a unique index is checked across every partition (see SecondaryIndex)
        }
        // Keys that need the transaction's fixed values were sent to every node above.
        FixedValues fixed = FixedValues.beforeOrder(zone);
        BitSet needed = new BitSet();
        switch (program.routing()) {
            case NONE, HOST -> {
            }
            case ALL -> {
                return null;
            }
            case BY_KEY -> {
                Table table = catalog.current().table(program.tableId());
                if (table == null) {
                    return null;
                }
                needed.set(routing.ownerOf(HashSpace.slot(Transaction.keyOf(program, parameters, fixed))));
            }
            case BY_ROW_KEY -> {
                Table table = catalog.current().table(program.tableId());
                if (table == null || !table.def().hasPrimaryKey()) {
                    return null; // hidden row ids are assigned when the rows are routed
                }
                HostContext input = new HostContext(parameters, List.of(), List.of(), () -> false, fixed, HostContext.INPUT_SALT);
                Interpreter.run(program.input(), input);
                for (Object[] row : input.output()) {
                    PartitionContext.fitToTypeModifiers(table, row); // routed by the key as stored (Transaction.route)
                    needed.set(routing.ownerOf(HashSpace.slot(RowKey.of(table.def(), row))));
                }
            }
        }
        return needed;
    }

    /** The functions whose values the transaction fixes (Function#drawsFromTransaction), as an array: no allocation per statement. */
    private static final Function[] TRANSACTION_DRAWS = java.util.Arrays.stream(Function.values())
            .filter(Function::drawsFromTransaction).toArray(Function[]::new);

    private static boolean drawsFromTransaction(dev.amelie.vm.program.Code code) {
        for (Function function : TRANSACTION_DRAWS) {
            if (code.calls(function)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasUniqueIndex(long tableId) {
        Table table = catalog.current().table(tableId);
        return table != null && table.hasUniqueIndex();
    }

    /**
     * A commit of {@code lsn} changed more than rows (the catalog, the layout, a sequence):
     * whatever runs after it may depend on it in ways no key tells, so every read waits for it.
     */
    void catalogChangedAt(long lsn) {
        catalogChangedAt.accumulateAndGet(lsn, Math::max);
    }

    long catalogChangedAt() {
        return catalogChangedAt.get();
    }

    CatalogStore catalog() {
        return catalog;
    }

    WriteAheadLog wal() {
        return wal;
    }

    /** Where a transaction stands in the order: its slots by node id (null where unused) and its layout. */
    record Entry(TransactionSlot[] slots, ComputeLayout layout) {}

    /**
     * Enters the nodes of {@code declared} as {@link #enter} does, when every one of them is idle
     * with nothing queued: the calling thread borrows them ({@link ComputeNode#borrow}) and runs
     * the transaction's requests on them itself, as it sends them, waking no thread. Null, with
     * nothing taken, when one of them is busy.
     */
    Entry borrow(NodeSet declared) {
        synchronized (orderLock) {
            return borrow(declared.resolve(layout));
        }
    }

    /** As {@link #borrow(NodeSet)} for the node owning {@code key} under the layout in force. */
    Entry borrowOwnerOf(Object key) {
        synchronized (orderLock) {
            BitSet owner = new BitSet();
            owner.set(layout.ownerOf(HashSpace.slot(key)));
            return borrow(owner);
        }
    }

    private Entry borrow(BitSet used) {
        ComputeLayout routing = layout;
        ComputeNode[] byId = nodes;
        TransactionSlot[] slots = new TransactionSlot[routing.maxNodeId() + 1];
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            if (!byId[i].borrow()) {
                for (int taken = used.nextSetBit(0); taken >= 0 && taken < i; taken = used.nextSetBit(taken + 1)) {
                    byId[taken].giveBack();
                }
                return null;
            }
            slots[i] = new TransactionSlot(byId[i]);
        }
        lastOrder++;
        return new Entry(slots, routing);
    }

    /**
     * Enters the nodes of {@code declared} as {@link #enter} does, with slots that run
     * {@code work} on them once every node has reached its slot and the caller has called
     * {@link Handover#arrive} (after taking the returned entry): see {@link Handover}.
     */
    Entry enterHanded(NodeSet declared, Handover handover) {
        synchronized (orderLock) {
            ComputeLayout routing = layout;
            return new Entry(queueSlots(declared.resolve(routing), routing, node -> {
                TransactionSlot slot = new TransactionSlot(node, handover);
                handover.add(slot); // before any slot is queued: no node may arrive early
                return slot;
            }), routing);
        }
    }

    /** Under the order lock: one slot from {@code make} per node of {@code used}, made first, then queued. */
    private TransactionSlot[] queueSlots(BitSet used, ComputeLayout routing,
                                         java.util.function.Function<ComputeNode, TransactionSlot> make) {
        ComputeNode[] byId = nodes;
        TransactionSlot[] slots = new TransactionSlot[routing.maxNodeId() + 1];
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            slots[i] = make.apply(byId[i]);
        }
        lastOrder++;
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            byId[i].submit(slots[i]);
        }
        return slots;
    }

    /**
     * Enters only the node owning {@code key} under the layout in force, with a slot that already
     * holds {@code request} and the end of the turn: the node runs both when it reaches the slot,
     * without waiting for anyone. Returns the layout the request was made for.
     */
    ComputeLayout enterOwnerOf(Object key, java.util.function.Function<ComputeLayout, ? extends TransactionSlot.Request> request) {
        synchronized (orderLock) {
            ComputeLayout routing = layout;
            TransactionSlot slot = new TransactionSlot();
            slot.send(request.apply(routing));
            slot.send(new TransactionSlot.End(true, new java.util.concurrent.CompletableFuture<>()));
            lastOrder++;
            nodes[routing.ownerOf(HashSpace.slot(key))].submit(slot);
            return routing;
        }
    }

    /**
     * Queues one slot on each node the transaction uses, atomically with respect to other
     * transactions; with {@code install}, the new layout takes effect at this point of the order,
     * and nodes it no longer has stop once what was queued on them before is done.
     */
    Entry enter(NodeSet declared, ComputeLayout install) {
        synchronized (orderLock) {
            ComputeLayout before = layout;
            if (install != null) {
                if (install.version() != before.version() + 1) {
                    throw new IllegalStateException("layout " + install.version() + " does not follow " + before.version());
                }
                layout = install;
            }
            ComputeLayout routing = layout;
            TransactionSlot[] slots = queueSlots(declared.resolve(routing), routing, node -> new TransactionSlot());
            if (install != null) {
                for (int id : before.nodeIds()) {
                    if (!routing.has(id)) {
                        nodes[id].retire();
                    }
                }
            }
            return new Entry(slots, routing);
        }
    }
}
