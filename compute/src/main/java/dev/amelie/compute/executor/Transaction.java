package dev.amelie.compute.executor;

import dev.amelie.compute.catalog.Catalog;
import dev.amelie.compute.catalog.IndexDef;
import dev.amelie.compute.catalog.Table;
import dev.amelie.compute.catalog.TableDef;
import dev.amelie.compute.catalog.ViewDef;
import dev.amelie.compute.layout.ComputeLayout;
import dev.amelie.compute.log.Change;
import dev.amelie.compute.log.ChangeCodec;
import dev.amelie.compute.storage.HashSpace;
import dev.amelie.compute.storage.RowKey;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.exec.Interpreter;
import dev.amelie.vm.exec.ServerState;
import dev.amelie.vm.program.Program;
import dev.amelie.wal.WalFailedException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import dev.amelie.compute.catalog.Sequence;
import dev.amelie.compute.catalog.SequenceDef;
import java.time.Instant;
import dev.amelie.vm.value.DateTimeText;

/**
 * Coordinates one transaction from the host: runs its statements' sections, collects the
 * changes the nodes report, and ends it with {@link #commit()} or {@link #rollback()}.
 *
 * <p>Threading: used by one thread at a time, which may block (a virtual thread); it waits for
 * node replies, never for a lock held by a node.
 */
public final class Transaction {
    private final Executor executor;
    /** The nodes this transaction may use; it enters all of them at once, at its first need. */
    private final NodeSet nodes;
    /** The layout this transaction installs as it enters (ALTER COMPUTE), or null. */
    private final ComputeLayout installs;
    /** By node id, null for nodes not used; null until entered. */
    private TransactionSlot[] slots;
    /** The layout this transaction routes by: the one in force where it entered the order. */
    private ComputeLayout layout;
    private final List<Change> changes = new ArrayList<>();
    private Catalog catalogBefore;
    /** Checked by every loop of this transaction's statements; set by a CancelRequest. */
    private java.util.function.BooleanSupplier cancelled = () -> false;
    /** Every node has reached this transaction's turn (DDL waits for that once). */
    private boolean turnReached;
    /** runLast let the nodes go: nothing but commit may follow. */
    private boolean nodesReleased;
    private boolean ended;
    /**
     * The LSN that must be durable before anything this transaction read may be shown (the last
     * writer of the keys it read, see PushdownResult); {@link Long#MAX_VALUE}: every commit's.
     */
    private long readUpTo;
    /** now() of the transaction; null until fixed or first needed. */
    private Instant time;
    private long seed;
    /** currval's memory; null: this transaction's own, made when a statement first uses a sequence. */
    private Map<String, Long> sessionSequences;
    /** Sequences the statements used (their state is logged with the commit); null while none did. */
    private Map<String, Sequence> touchedSequences;
    /** System views and backend functions: the session's view of the server. */
    private ServerState server = ServerState.NONE;
    /** How many statements ran so far: a statement's place picks its random seed. */
    private int statementCount;
    /** The session's TimeZone for the statements run from now on. */
    private java.time.ZoneId zone = dev.amelie.vm.value.TimeZoneSetting.DEFAULT.zone();
    /** What each statement's rows may take (query_memory_limit); charged again from zero per statement. */
    private final dev.amelie.vm.memory.MemoryBudget budget;

    Transaction(Executor executor, NodeSet nodes, ComputeLayout installs) {
        this.executor = executor;
        this.nodes = nodes;
        this.installs = installs;
        this.budget = executor.newMemoryBudget();
    }

    /**
     * Fixes now() and the random seeds of this transaction's statements, so that running the
     * same statements again (an interactive transaction's replay) sees the same values.
     */
    public void fixValues(Instant transactionTime, long transactionSeed) {
        this.time = DateTimeText.toMicros(transactionTime);
        this.seed = transactionSeed;
    }

    /**
     * The session's TimeZone for the statements run from now on; a replay sets each statement's
     * zone as it first ran, so it shows what the client was shown.
     */
    public void useTimeZone(java.time.ZoneId zone) {
        this.zone = zone;
    }

    /** What system views and backend functions see: the session's server (pg_stat_activity, …). */
    public void useServer(ServerState server) {
        this.server = server;
    }

    /** Lets a CancelRequest stop this transaction's statements (57014). */
    public void cancelWhen(java.util.function.BooleanSupplier cancelled) {
        this.cancelled = cancelled;
    }

    /**
     * The session's last nextval per sequence, for currval; without one, this transaction's own.
     */
    public void useSessionSequences(Map<String, Long> sessionSequences) {
        this.sessionSequences = sessionSequences;
    }

    /**
     * Counts statements that ran in an earlier run of this transaction and are not run again
     * here: a statement's place, not the number of statements run, picks its random seed.
     */
    public void skipStatements(int count) {
        statementCount += count;
    }

    /** Runs one compiled statement with its parameters. */
    public StatementOutcome run(Program program, Object[] parameters) {
        return run(program, parameters, SequenceDraws.Recorded.NONE);
    }

    /**
     * Runs a statement again: nextval, currval and setval return what they returned when it
     * first ran ({@code recorded}, from that run's {@link StatementOutcome#draws()}).
     */
    public StatementOutcome run(Program program, Object[] parameters, SequenceDraws.Recorded recorded) {
        if (!SequenceUse.any(program)) {
            return run(program, parameters, false, nextStatement(null));
        }
        SequenceDraws draws = draws(recorded);
        StatementOutcome outcome = run(program, parameters, false, nextStatement(draws));
        return outcome.withDraws(draws.recorded());
    }

    private SequenceDraws draws(SequenceDraws.Recorded recorded) {
        if (sessionSequences == null) {
            sessionSequences = new ConcurrentHashMap<>();
        }
        if (touchedSequences == null) {
            touchedSequences = new ConcurrentHashMap<>();
        }
        return new SequenceDraws(executor.catalog(), sessionSequences, recorded, touchedSequences);
    }

    /** {@code draws} is null for a statement that calls no sequence function. */
    private FixedValues nextStatement(SequenceDraws draws) {
        if (time == null) {
            fixValues(Instant.now(), ThreadLocalRandom.current().nextLong());
        }
        budget.reset();
        return FixedValues.ofStatement(time, seed, statementCount++, draws, zone, budget);
    }

    /**
     * Runs a step a statement takes after its program, as part of it (a foreign key's check or
     * action): it is not a statement of its own, so the places, and with them the random seeds,
     * of the statements after it stay what they are in any other run of the transaction.
     */
    public StatementOutcome runStep(Program program, Object[] parameters) {
        if (SequenceUse.any(program)) {
            throw new IllegalArgumentException("a statement's step draws no sequence values");
        }
        if (time == null) {
            fixValues(Instant.now(), ThreadLocalRandom.current().nextLong());
        }
        return run(program, parameters, false, FixedValues.ofStatement(time, seed, Math.max(0, statementCount - 1), null, zone, budget));
    }

    /**
     * Runs the last statement of a transaction that changes nothing: the nodes are let go as soon
     * as their part is done, so the host's merge (sorting, grouping, joining) holds up no one.
     * The transaction may only commit afterwards.
     */
    public StatementOutcome runLast(Program program, Object[] parameters) {
        if (program.kind() != Program.StatementKind.SELECT || !changes.isEmpty() || catalogBefore != null
                || SequenceUse.any(program)) {
            // (A statement on sequences logs their state and needs its values fixed: it runs in order.)
            return run(program, parameters);
        }
        return run(program, parameters, true, nextStatement(null));
    }

    /**
     * Takes this transaction's nodes for the calling thread, if every one is idle with nothing
     * queued ({@link Executor#borrow}): its statements then run on them right here as they are
     * sent, and ending the transaction gives them back. False, with nothing taken, when one is
     * busy; true at once when it needs no node. The caller must end the transaction (commit or
     * rollback) on every path, or the nodes stay taken. Only for statements that take moments
     * (keys, not scans) and never wait for anything but the nodes.
     */
    public boolean enterBorrowed() {
        if (slots != null || installs != null || nodesReleased || ended) {
            throw new IllegalStateException("transaction already entered");
        }
        if (nodes.isEmpty()) {
            return true;
        }
        Executor.Entry entry = executor.borrow(nodes);
        if (entry == null) {
            return false;
        }
        slots = entry.slots();
        layout = entry.layout();
        return true;
    }

    /**
     * Takes this transaction's place in the order on its nodes, busy or not, and hands them
     * {@code work}: once every node has reached the transaction's turn, the last node thread to
     * get there (or the caller, if they all got there before this returns) runs {@code work},
     * whose statements run on the nodes as they are sent, as on borrowed nodes ({@link Handover}).
     * The same rules as for {@link #enterBorrowed} hold for {@code work}, and it must end the
     * transaction on every path. For a transaction that needs no node, the caller runs it at once.
     */
    public void enterHanded(Runnable work) {
        if (slots != null || installs != null || nodesReleased || ended) {
            throw new IllegalStateException("transaction already entered");
        }
        if (nodes.isEmpty()) {
            work.run();
            return;
        }
        Handover handover = new Handover(work);
        Executor.Entry entry = executor.enterHanded(nodes, handover);
        slots = entry.slots();
        layout = entry.layout();
        handover.arrive();
    }

    /**
     * Whether {@link #runPointRead} can run the program: a SELECT of one key (by the primary
     * key's columns) that reads nothing else, draws no sequence value and calls nothing outside
     * its transaction (it may run on an event loop).
     */
    public static boolean runsAsPointRead(Program program) {
        return program.routing() == Program.Routing.BY_KEY && program.kind() == Program.StatementKind.SELECT
                && program.sources().isEmpty() && !SequenceUse.any(program) && !OutsideCalls.any(program);
    }

    /**
     * Runs this transaction as one point read ({@link #runsAsPointRead}) without a thread
     * waiting for it: when the key's owner is idle the calling thread borrows it and reads right
     * here ({@link Executor#borrowOwnerOf}); otherwise the owner gets the read and the end of the
     * turn in one slot, so it never waits for the coordinator, and merges the reply itself. The
     * future completes once every commit the read may have seen is durable, like
     * {@link #commit()}'s; the transaction is over, nothing else may run in it. Errors of the
     * key's own computation are thrown here, before the transaction takes a place.
     */
    public CompletableFuture<StatementOutcome> runPointRead(Program program, Object[] parameters) {
        checkOpen();
        if (!runsAsPointRead(program) || slots != null || nodesReleased || !changes.isEmpty() || catalogBefore != null
                || installs != null) {
            throw new IllegalStateException("not a lone point read");
        }
        FixedValues fixed = nextStatement(null);
        Object key = keyOf(program, parameters, fixed);
        Table table = executor.catalog().current().table(program.tableId());
        if (table == null) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation with id " + program.tableId() + " does not exist (dropped meanwhile)");
        }
        CompletableFuture<PushdownResult> reply = new CompletableFuture<>();
        java.util.function.Function<ComputeLayout, TransactionSlot.Pushdown> read = routing -> {
            layout = routing;
            return new TransactionSlot.Pushdown(executor.catalog(), table, program.pushdown(), parameters, null, List.of(),
                    false, cancelled, fixed, routing, reply);
        };
        nodesReleased = true;
        ended = true;
        // An idle node is read from right here (the reply completes as the slot runs the read);
        // a busy one gets the read in its turn.
        Executor.Entry borrowed = executor.borrowOwnerOf(key);
        if (borrowed != null) {
            TransactionSlot slot = borrowed.slots()[borrowed.layout().ownerOf(HashSpace.slot(key))];
            try {
                slot.send(read.apply(borrowed.layout()));
            } finally {
                slot.send(new TransactionSlot.End(true, new CompletableFuture<>()));
            }
        } else {
            executor.enterOwnerOf(key, read);
        }
        return reply.handle((result, failure) -> {
            if (failure != null) {
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            if (program.merge() == null) {
                return new StatementOutcome(List.of(), result.affected());
            }
            HostContext merge = new HostContext(parameters, result.rows(), List.of(), cancelled, fixed, HostContext.MERGE_SALT, server);
            Interpreter.run(program.merge(), merge);
            return new StatementOutcome(merge.output(), result.affected());
        }).handle((outcome, failure) -> {
            readUpTo = failure != null ? Long.MAX_VALUE : reply.join().readUpTo(); // an error may tell what the node read
            return executor.wal().whenDurable(readDependency())
                // The log failing later is no error of a read; what it saw is reported only once durable.
                .handle((durable, logFailure) -> {
                    if (failure != null) {
                        throw failure instanceof CompletionException c ? c : new CompletionException(failure);
                    }
                    return outcome;
                });
        }).thenCompose(f -> f);
    }

    private StatementOutcome run(Program program, Object[] parameters, boolean releaseBeforeMerge, FixedValues fixed) {
        return finish(dispatch(program, parameters, fixed), releaseBeforeMerge);
    }

    /**
     * A statement whose node work has been sent (or, on the host, done) and whose replies have
     * not been gathered yet: {@link #finish(Pending)} waits for them and merges.
     */
    public static final class Pending {
        private final Program program;
        private final Object[] parameters;
        private final FixedValues fixed;
        private final List<List<Object[]>> sources;
        private final List<CompletableFuture<PushdownResult>> replies;
        /** Rows the host read itself (system views). */
        private final List<Object[]> hostRows;
        /** An INSERT's rows as stored, in the order of its input: what RETURNING projects; else null. */
        private final List<Object[]> stored;

        private Pending(Program program, Object[] parameters, FixedValues fixed, List<List<Object[]>> sources,
                        List<CompletableFuture<PushdownResult>> replies, List<Object[]> hostRows, List<Object[]> stored) {
            this.program = program;
            this.parameters = parameters;
            this.fixed = fixed;
            this.sources = sources;
            this.replies = replies;
            this.hostRows = hostRows;
            this.stored = stored;
        }
    }

    /**
     * Whether {@link #submit} can send the program ahead: it works on the nodes of its keys
     * alone (one key, or the rows it routes), reads no other statement's rows, draws no sequence
     * value and checks no unique index (which nodes check taking turns, in order).
     */
    public boolean submitsAhead(Program program) {
        if (program.routing() != Program.Routing.BY_KEY && program.routing() != Program.Routing.BY_ROW_KEY
                || !program.sources().isEmpty() || SequenceUse.any(program) || nodesReleased) {
            return false;
        }
        Table table = executor.catalog().current().table(program.tableId());
        return table != null && (program.kind() == Program.StatementKind.SELECT || !table.hasUniqueIndex());
    }

    /**
     * Sends a statement's node work ({@link #submitsAhead}) without waiting for it, so that the
     * statements after it can be sent too and the nodes run them back to back: the statement is
     * this transaction's next, as {@link #run} would make it, and {@link #finish(Pending)} must be
     * called for each submitted statement in the order they were submitted, before any other
     * statement runs.
     */
    public Pending submit(Program program, Object[] parameters) {
        if (!submitsAhead(program)) {
            throw new IllegalArgumentException("statement cannot be sent ahead");
        }
        return dispatch(program, parameters, nextStatement(null));
    }

    /** Waits for a statement {@link #submit} sent and merges its rows: what {@link #run} returns. */
    public StatementOutcome finish(Pending pending) {
        return finish(pending, false);
    }

    private Pending dispatch(Program program, Object[] parameters, FixedValues fixed) {
        checkOpen();
        Table table = null;
        if (program.routing() != Program.Routing.NONE && program.routing() != Program.Routing.HOST) {
            enterNodes();
            table = executor.catalog().current().table(program.tableId());
            if (table == null) {
                throw new SqlException(SqlState.UNDEFINED_TABLE, "relation with id " + program.tableId() + " does not exist (dropped meanwhile)");
            }
        }
        List<Object[]> input = List.of();
        List<List<Object[]>> sources = new ArrayList<>(program.sources().size());
        for (int i = 0; i < program.sources().size(); i++) {
            sources.add(run(program.sources().get(i), parameters, false, fixed.forSource(i)).rows());
        }
        if (program.input() != null && program.routing() != Program.Routing.BY_KEY) {
            HostContext inputContext = new HostContext(parameters, List.of(), sources, cancelled, fixed, HostContext.INPUT_SALT, server);
            Interpreter.run(program.input(), inputContext);
            input = inputContext.output();
        }
        boolean modifies = program.kind() != Program.StatementKind.SELECT;
        // A unique index is checked across partitions as rows change: nodes taking turns, in
        // node order, make which row meets which the same in every run (replays included).
        boolean oneNodeAtATime = modifies && table != null && table.hasUniqueIndex();
        List<CompletableFuture<PushdownResult>> replies = new ArrayList<>(2);
        List<Object[]> hostRows = List.of();
        List<Object[]> stored = null;
        switch (program.routing()) {
            case NONE -> {
            }
            case HOST -> {
                // System views: no node holds them; the pushdown reads them here, as they are now.
                HostContext scan = new HostContext(parameters, List.of(), sources, cancelled, fixed, HostContext.SYSTEM_SALT, server);
                Interpreter.run(program.pushdown(), scan);
                hostRows = scan.output();
            }
            case ALL -> {
                for (int node : layout.nodeIds()) {
                    CompletableFuture<PushdownResult> reply = new CompletableFuture<>();
                    slot(node).send(new TransactionSlot.Pushdown(executor.catalog(), table, program.pushdown(), parameters, null, sources, modifies, cancelled, fixed, layout, reply));
                    replies.add(reply);
                    if (oneNodeAtATime) {
                        reply.handle((done, failed) -> null).join();
                    }
                }
            }
            case BY_KEY -> {
                int node = nodeOfKey(table, keyOf(program, parameters, fixed));
                CompletableFuture<PushdownResult> reply = new CompletableFuture<>();
                slot(node).send(new TransactionSlot.Pushdown(executor.catalog(), table, program.pushdown(), parameters, null, sources, modifies, cancelled, fixed, layout, reply));
                replies.add(reply);
            }
            case BY_ROW_KEY -> {
                stored = new ArrayList<>(input.size());
                List<List<Object[]>> routed = route(table, input, stored);
                for (int node = 0; node < slots.length; node++) {
                    if (routed.get(node).isEmpty()) {
                        continue;
                    }
                    CompletableFuture<PushdownResult> reply = new CompletableFuture<>();
                    slot(node).send(new TransactionSlot.Pushdown(executor.catalog(), table, program.pushdown(), parameters, routed.get(node), sources, modifies, cancelled, fixed, layout, reply));
                    replies.add(reply);
                    if (oneNodeAtATime) {
                        reply.handle((done, failed) -> null).join();
                    }
                }
            }
        }
        return new Pending(program, parameters, fixed, sources, replies, hostRows, stored);
    }

    private StatementOutcome finish(Pending pending, boolean releaseBeforeMerge) {
        Program program = pending.program;
        List<Object[]> gathered = new ArrayList<>(pending.hostRows);
        long affected = gather(pending.replies, gathered);
        boolean modifies = program.kind() != Program.StatementKind.SELECT;
        List<Object[]> written = !modifies ? List.of() : pending.stored != null ? pending.stored : gathered;
        if (program.merge() == null) {
            return new StatementOutcome(List.of(), affected, SequenceDraws.Recorded.NONE, written);
        }
        if (releaseBeforeMerge && slots != null) {
            release(true);
            slots = null;
            nodesReleased = true;
        }
        List<Object[]> mergeInput = program.kind() == Program.StatementKind.INSERT && pending.stored != null ? pending.stored : gathered;
        HostContext merge = new HostContext(pending.parameters, mergeInput, pending.sources, cancelled, pending.fixed, HostContext.MERGE_SALT, server);
        Interpreter.run(program.merge(), merge);
        return new StatementOutcome(merge.output(), affected, SequenceDraws.Recorded.NONE, written);
    }

    /** Splits rows by the node owning their key; rows of a key-less table get their hidden row id here. */
    private List<List<Object[]>> route(Table table, List<Object[]> rows, List<Object[]> inOrder) {
        TableDef def = table.def();
        List<List<Object[]>> routed = new ArrayList<>(slots.length);
        for (int i = 0; i < slots.length; i++) {
            routed.add(new ArrayList<>());
        }
        for (Object[] row : rows) {
            // Fitted here already (the node fits again, idempotently): a numeric(p, s) or char(n)
            // key is routed as it is stored, and RETURNING shows the stored values (1.50, not 1.5).
            PartitionContext.fitToTypeModifiers(table, row);
            Object[] stored = row;
            if (!def.hasPrimaryKey()) {
                stored = Arrays.copyOf(row, def.storedWidth());
                stored[def.columns().size()] = table.nextRowId();
            }
            Object key = RowKey.of(def, stored);
            routed.get(nodeOfKey(table, key)).add(stored);
            inOrder.add(stored);
        }
        return routed;
    }

    /** The key a BY_KEY statement reads, computed by its input section. */
    static Object keyOf(Program program, Object[] parameters, FixedValues fixed) {
        HostContext key = new HostContext(parameters, List.of(), List.of(), () -> false, fixed, HostContext.KEY_SALT);
        Interpreter.run(program.input(), key);
        return RowKey.fromValues(key.output().getFirst());
    }

    private int nodeOfKey(Table table, Object key) {
        return layout.ownerOf(HashSpace.slot(key));
    }

    /** This transaction's slot on a node it declared. */
    private TransactionSlot slot(int node) {
        TransactionSlot slot = slots[node];
        if (slot == null) {
            throw new IllegalStateException("transaction uses compute node " + node + " it did not declare");
        }
        return slot;
    }

    private long gather(List<CompletableFuture<PushdownResult>> replies, List<Object[]> gathered) {
        long affected = 0;
        RuntimeException failure = null;
        // Wait for every node even after a failure: each node must finish this request before the
        // transaction can be ended on it.
        for (CompletableFuture<PushdownResult> reply : replies) {
            try {
                PushdownResult result = reply.join();
                readUpTo = Math.max(readUpTo, result.readUpTo());
                gathered.addAll(result.rows());
                affected += result.affected();
                changes.addAll(result.changes());
            } catch (CompletionException e) {
                readUpTo = Long.MAX_VALUE; // an error may tell what the node read
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return affected;
    }

    /** Creates a table (DDL has every node to itself). Returns the definition with its new id. */
    public TableDef createTable(TableDef proposed, boolean ifNotExists) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        requireSchema(current, proposed.schema());
        if (current.table(proposed.schema(), proposed.name()) != null || current.view(proposed.schema(), proposed.name()) != null) {
            if (ifNotExists) {
                return null;
            }
            throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + proposed.name() + "\" already exists");
        }
        rememberCatalog(current);
        TableDef def = new TableDef(current.lastTableId() + 1, proposed.schema(), proposed.name(), proposed.columns(), proposed.primaryKey(),
                proposed.materializedQuery(), proposed.checks(), proposed.foreignKeys());
        executor.catalog().update(c -> c.withTable(new Table(def)));
        changes.add(new Change.CreateTable(def));
        return def;
    }

    /** CREATE SCHEMA; false (with {@code ifNotExists}) when it is there already. */
    public boolean createSchema(String schema, boolean ifNotExists) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        if (current.schemaExists(schema)) {
            if (ifNotExists) {
                return false;
            }
            throw new SqlException(SqlState.DUPLICATE_SCHEMA, "schema \"" + schema + "\" already exists");
        }
        if (schema.startsWith("pg_")) {
            throw new SqlException(SqlState.RESERVED_NAME, "unacceptable schema name \"" + schema + "\"",
                    "The prefix \"pg_\" is reserved for system schemas.", null, 0, null);
        }
        rememberCatalog(current);
        executor.catalog().update(c -> c.withSchema(schema));
        changes.add(new Change.CreateSchema(schema));
        return true;
    }

    /**
     * DROP SCHEMA; false when it does not exist. Without {@code cascade} it must be empty; with it,
     * its tables, views and sequences are dropped first, each by a change of its own, and named
     * in {@code dropped} ("table s.t") for the client's notice.
     */
    public boolean dropSchema(String schema, boolean cascade, List<String> dropped) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        if (!current.createdSchemas().contains(schema)) {
            if (current.schemaExists(schema)) {
                throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop schema " + schema
                        + " because other objects depend on it");
            }
            return false;
        }
        List<String> tables = current.tables().stream().filter(t -> t.def().schema().equals(schema))
                .sorted(java.util.Comparator.comparingLong(t -> t.def().id())).map(t -> t.def().name()).toList();
        List<String> views = current.viewsByName().values().stream().filter(v -> v.schema().equals(schema))
                .map(ViewDef::name).sorted().toList();
        List<String> sequences = current.sequencesByName().values().stream().filter(q -> q.def().schema().equals(schema))
                .map(q -> q.def().name()).filter(q -> !ownedByTable(current, schema, q)).sorted().toList();
        List<String> dependents = new ArrayList<>();
        List<String> dependsOn = new ArrayList<>();
        // Foreign keys of tables elsewhere that reference one of the schema's tables go too (PostgreSQL lists each after its table).
        List<Catalog.Reference> outsideReferences = new ArrayList<>();
        for (String t : tables) {
            dependents.add("table " + schema + "." + t);
            dependsOn.add("schema " + schema);
            for (Catalog.Reference reference : current.referencesTo(current.table(schema, t).def().id())) {
                if (!reference.referencing().def().schema().equals(schema)) {
                    outsideReferences.add(reference);
                    dependents.add("constraint " + reference.key().name() + " on table " + reference.referencing().def().name());
                    dependsOn.add("table " + schema + "." + t);
                }
            }
        }
        views.forEach(v -> {
            dependents.add("view " + schema + "." + v);
            dependsOn.add("schema " + schema);
        });
        sequences.forEach(q -> {
            dependents.add("sequence " + schema + "." + q);
            dependsOn.add("schema " + schema);
        });
        if (!cascade && !dependents.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < dependents.size(); i++) {
                lines.add(dependents.get(i) + " depends on " + dependsOn.get(i));
            }
            throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop schema " + schema
                    + " because other objects depend on it", String.join("\n", lines),
                    "Use DROP ... CASCADE to drop the dependent objects too.", 0, null);
        }
        dropped.addAll(dependents);
        rememberCatalog(current);
        for (Catalog.Reference reference : outsideReferences) {
            TableDef holder = reference.referencing().def();
            redefineTable(holder.schema(), holder.name(), def -> def.withForeignKeys(def.foreignKeys().stream()
                    .filter(k -> !k.name().equals(reference.key().name())).toList()));
        }
        views.forEach(view -> dropView(schema, view));
        tables.forEach(table -> dropTable(schema, table));
        sequences.forEach(sequence -> dropSequence(schema, sequence));
        executor.catalog().update(c -> c.withoutSchema(schema));
        changes.add(new Change.DropSchema(schema));
        return true;
    }

    /** A serial or identity column's sequence: it goes with its table, not as a dependent of its own. */
    private static boolean ownedByTable(Catalog catalog, String schema, String sequence) {
        return catalog.tables().stream().filter(t -> t.def().schema().equals(schema))
                .anyMatch(t -> t.def().columns().stream().anyMatch(c -> sequence.equals(c.ownedSequence())));
    }

    /** 3F000 unless {@code schema} exists: objects are created only in schemas that do. */
    private static void requireSchema(Catalog catalog, String schema) {
        if (!catalog.schemaExists(schema)) {
            throw new SqlException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + schema + "\" does not exist");
        }
    }

    /** CREATE ROLE, ALTER ROLE: the role of {@code role.oid()} is this from now on; DDL has every node to itself. */
    public void defineRole(dev.amelie.compute.catalog.RoleDef role) {
        checkOpen();
        enterAllNodes();
        rememberCatalog(executor.catalog().current());
        executor.catalog().update(c -> c.withAccess(c.access().withRole(role)));
        changes.add(new Change.RoleDefinition(role));
    }

    public void dropRole(long oid) {
        checkOpen();
        enterAllNodes();
        rememberCatalog(executor.catalog().current());
        executor.catalog().update(c -> c.withAccess(c.access().withoutRole(oid)));
        changes.add(new Change.DropRole(oid));
    }

    /** GRANT, REVOKE, a new object's owner: the object's owner and privileges from now on. */
    public void definePrivileges(dev.amelie.compute.catalog.AclTarget target, dev.amelie.compute.catalog.ObjectAcl acl) {
        checkOpen();
        enterAllNodes();
        rememberCatalog(executor.catalog().current());
        executor.catalog().update(c -> c.withAccess(c.access().withAcl(target, acl)));
        changes.add(new Change.ObjectPrivileges(target, acl));
    }

    /** Creates (or, with {@code replace}, replaces) a view; DDL has every node to itself. */
    public void createView(ViewDef view, boolean replace) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        requireSchema(current, view.schema());
        if (current.table(view.schema(), view.name()) != null || current.view(view.schema(), view.name()) != null && !replace) {
            throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + view.name() + "\" already exists");
        }
        rememberCatalog(current);
        executor.catalog().update(c -> c.withView(view));
        changes.add(new Change.CreateView(view));
    }

    /** Drops a view; false when it does not exist. */
    public boolean dropView(String schema, String name) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        if (current.view(schema, name) == null) {
            return false;
        }
        rememberCatalog(current);
        executor.catalog().update(c -> c.withoutView(schema, name));
        changes.add(new Change.DropView(schema, name));
        return true;
    }

    /**
     * DROP TABLE ({@code materialized} false) or DROP MATERIALIZED VIEW; false when there is no
     * such relation, 42809 when it is the other kind.
     */
    public boolean dropTable(String schema, String name, boolean materialized) {
        Table table = executor.catalog().current().table(schema, name);
        if (table != null && table.def().isMaterializedView() != materialized) {
            throw new SqlException(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a " + (materialized ? "materialized view" : "table"),
                    null, materialized ? "Use DROP TABLE to remove a table." : "Use DROP MATERIALIZED VIEW to remove a materialized view.",
                    0, null);
        }
        return dropTable(schema, name);
    }

    /** Drops a table or materialized view; false when it does not exist. */
    public boolean dropTable(String schema, String name) {
        Table table = tableToChange(schema, name);
        if (table == null) {
            return false;
        }
        executor.catalog().update(c -> c.withoutTable(table.def().id()));
        changes.add(new Change.DropTable(table.def().id()));
        // The sequences of its serial and identity columns go with it, as in PostgreSQL.
        for (var column : table.def().columns()) {
            if (column.ownedSequence() != null && executor.catalog().current().sequence(schema, column.ownedSequence()) != null) {
                executor.catalog().update(c -> c.withoutSequence(schema, column.ownedSequence()));
                changes.add(new Change.DropSequence(schema, column.ownedSequence()));
            }
        }
        return true;
    }

    /**
     * ALTER TABLE … ADD COLUMN; every row gets {@code value} (the default, evaluated once). False
     * when the table does not exist or (with {@code ifNotExists}) already has the column.
     */
    public boolean addColumn(String schema, String name, dev.amelie.compute.catalog.ColumnDef column, Object value,
                             boolean ifNotExists) {
        Table table = tableToChange(schema, name);
        if (table == null) {
            return false;
        }
        if (table.def().columnIndex(column.name()) >= 0) {
            if (ifNotExists) {
                return false;
            }
            throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + column.name() + "\" of relation \""
                    + name + "\" already exists");
        }
        if (column.notNull() && value == null && table.hasRows()) {
            throw new SqlException(SqlState.NOT_NULL_VIOLATION, "column \"" + column.name() + "\" of relation \""
                    + name + "\" contains null values");
        }
        Object stored = PartitionContext.fitted(column, value);
        Table wider = table.withColumn(column, stored);
        executor.catalog().update(c -> c.withTable(wider));
        changes.add(new Change.AddColumn(table.def().id(), column, stored));
        return true;
    }

    /**
     * Gives a table a new definition under which its rows stay as they are (RENAME, ALTER COLUMN
     * … DEFAULT / NOT NULL, CHECK constraints); {@code change} sees the current one and may raise
     * the statement's errors. False when the table does not exist.
     */
    public boolean redefineTable(String schema, String name, java.util.function.UnaryOperator<TableDef> change) {
        Table table = tableToChange(schema, name);
        if (table == null) {
            return false;
        }
        TableDef changed = change.apply(table.def());
        if (changed.id() != table.def().id() || changed.columns().size() != table.def().columns().size()) {
            throw new IllegalArgumentException("a redefinition keeps the table and its columns");
        }
        if (!changed.name().equals(table.def().name()) && relationExists(executor.catalog().current(), schema, changed.name())) {
            throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + changed.name() + "\" already exists");
        }
        Table redefined = table.withDefinition(changed);
        executor.catalog().update(c -> c.withTable(redefined));
        changes.add(new Change.TableDefinition(changed));
        return true;
    }

    /**
     * ALTER COLUMN … SET NOT NULL: 23502 when a row holds NULL there, as PostgreSQL checks the
     * rows before it changes the column. False when the table does not exist.
     */
    public boolean setNotNull(String schema, String name, int column) {
        Table table = tableToChange(schema, name);
        if (table == null) {
            return false;
        }
        if (table.hasNullIn(column)) {
            throw new SqlException(SqlState.NOT_NULL_VIOLATION, "column \"" + table.def().columns().get(column).name()
                    + "\" of relation \"" + name + "\" contains null values");
        }
        return redefineTable(schema, name, def -> {
            List<dev.amelie.compute.catalog.ColumnDef> columns = new ArrayList<>(def.columns());
            columns.set(column, columns.get(column).withNotNull(true));
            return def.withColumns(columns);
        });
    }

    /**
     * ALTER TABLE … DROP COLUMN of the column at {@code position}, with the CHECK constraints
     * {@code droppedChecks} that read it (PostgreSQL drops them with it). False when the table
     * does not exist.
     */
    public boolean dropColumn(String schema, String name, int position, List<String> droppedChecks) {
        Table table = tableToChange(schema, name);
        if (table == null) {
            return false;
        }
        if (!droppedChecks.isEmpty()) {
            redefineTable(schema, name, def -> def.withChecks(def.checks().stream()
                    .filter(check -> !droppedChecks.contains(check.name())).toList()));
            table = executor.catalog().current().table(schema, name);
        }
        Table narrower = table.withoutColumn(position, layout::ownerOf);
        executor.catalog().update(c -> c.withTable(narrower));
        changes.add(new Change.DropColumn(table.def().id(), position));
        return true;
    }

    /** TRUNCATE of one table; false when it does not exist. DDL has every node to itself. */
    public boolean truncate(String schema, String name) {
        Table table = tableToChange(schema, name);
        if (table == null) {
            return false;
        }
        Table emptied = table.emptied();
        executor.catalog().update(c -> c.withTable(emptied));
        changes.add(new Change.TruncateTable(table.def().id()));
        return true;
    }

    /**
     * ALTER TABLE … ADD PRIMARY KEY (columns): the table's rows are keyed and placed anew; false
     * when the table does not exist. Errors for unknown columns, NULL and duplicate keys are
     * PostgreSQL's.
     */
    public boolean addPrimaryKey(String schema, String name, List<String> columns) {
        Table table = tableToChange(schema, name);
        if (table == null) {
            return false;
        }
        int[] key = new int[columns.size()];
        for (int k = 0; k < key.length; k++) {
            key[k] = table.def().columnIndex(columns.get(k));
            if (key[k] < 0) {
                throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + columns.get(k) + "\" of relation \""
                        + name + "\" does not exist");
            }
            for (int j = 0; j < k; j++) {
                if (key[j] == key[k]) {
                    throw new SqlException(SqlState.DUPLICATE_COLUMN, "column \"" + columns.get(k)
                            + "\" appears twice in primary key constraint");
                }
            }
        }
        Table keyed = table.withPrimaryKey(key, layout::ownerOf);
        executor.catalog().update(c -> c.withTable(keyed));
        changes.add(new Change.AddPrimaryKey(table.def().id(), key));
        return true;
    }

    /**
     * Takes every node (in the order, as DDL does) and runs {@code action} with each node's id on
     * that node's thread, all in parallel; returns once all have run. Once it returns, every
     * transaction ordered before this one is done on every node and none after it has started,
     * so the caller may also read partitions and the catalog from its own thread until it ends
     * this transaction.
     */
    public void onEveryNode(java.util.function.IntConsumer action) {
        checkOpen();
        enterAllNodes();
        runOnEveryNode(action);
    }

    /** Runs {@code action} on every node this transaction holds, in parallel; returns when all have. */
    private void runOnEveryNode(java.util.function.IntConsumer action) {
        List<CompletableFuture<Void>> done = new ArrayList<>(slots.length);
        for (TransactionSlot slot : slots) {
            if (slot == null) {
                continue;
            }
            CompletableFuture<Void> ran = new CompletableFuture<>();
            readUpTo = Long.MAX_VALUE; // code on the node may read anything there
            slot.send(new TransactionSlot.OnNode(action, ran));
            done.add(ran);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * CREATE [UNIQUE] INDEX: builds the index from the rows now. Returns the index's name (the
     * one PostgreSQL would choose when none is given), or null when it exists and
     * {@code ifNotExists}. DDL has every node to itself.
     */
    public String createIndex(String schema, String tableName, String name, List<String> columns, boolean unique,
                              IndexDef.Method method, boolean ifNotExists) {
        return createIndex(schema, tableName, name, columns, unique, method, ifNotExists, false);
    }

    /** As {@link #createIndex}, for the index of a UNIQUE constraint ({@code constraint}). */
    public String createIndex(String schema, String tableName, String name, List<String> columns, boolean unique,
                              IndexDef.Method method, boolean ifNotExists, boolean constraint) {
        Table table = tableToChange(schema, tableName);
        if (table == null) {
            throw new SqlException(SqlState.UNDEFINED_TABLE, "relation \"" + tableName + "\" does not exist");
        }
        int[] positions = new int[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = table.def().columnIndex(columns.get(i));
            if (positions[i] < 0) {
                throw new SqlException(SqlState.UNDEFINED_COLUMN, "column \"" + columns.get(i) + "\" does not exist");
            }
        }
        Catalog current = executor.catalog().current();
        if (name == null) {
            String base = tableName + "_" + String.join("_", columns) + "_idx";
            name = base;
            for (int n = 1; relationExists(current, schema, name); n++) {
                name = base + n;
            }
        } else if (relationExists(current, schema, name)) {
            if (ifNotExists) {
                return null;
            }
            throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
        IndexDef index = new IndexDef(schema, name, table.def().id(), positions, unique, method, constraint);
        Table indexed = table.withIndex(index);
        executor.catalog().update(c -> c.withTable(indexed));
        changes.add(new Change.CreateIndex(index));
        return name;
    }

    /** DROP INDEX; false when there is no index of that name. */
    public boolean dropIndex(String schema, String name) {
        return dropIndex(schema, name, false);
    }

    /** ALTER TABLE … DROP CONSTRAINT of a UNIQUE constraint: its index goes. False when there is none. */
    public boolean dropConstraintIndex(String schema, String name) {
        return dropIndex(schema, name, true);
    }

    private boolean dropIndex(String schema, String name, boolean ofConstraint) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        for (Table table : current.tables()) {
            if (table.def().schema().equals(schema) && table.index(name) != null) {
                if (table.index(name).def().constraint() && !ofConstraint) {
                    throw new SqlException(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index " + name
                            + " because constraint " + name + " on table " + table.def().name() + " requires it", null,
                            "You can drop constraint " + name + " on table " + table.def().name() + " instead.", 0, null);
                }
                rememberCatalog(current);
                Table fewer = table.withoutIndex(name);
                executor.catalog().update(c -> c.withTable(fewer));
                changes.add(new Change.DropIndex(table.def().id(), name));
                return true;
            }
        }
        return false;
    }

    private static boolean relationExists(Catalog catalog, String schema, String name) {
        if (catalog.table(schema, name) != null || catalog.view(schema, name) != null || catalog.sequence(schema, name) != null) {
            return true;
        }
        for (Table table : catalog.tables()) {
            if (table.def().schema().equals(schema) && table.index(name) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code action} on one node this transaction holds, on that node's thread, and returns
     * what it returns (ALTER COMPUTE moves rows so, from one node to the other).
     */
    public <T> T onNode(int node, java.util.function.IntFunction<T> action) {
        checkOpen();
        enterNodes();
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void> ran = new CompletableFuture<>();
        readUpTo = Long.MAX_VALUE; // code on the node may read anything there
        slot(node).send(new TransactionSlot.OnNode(id -> result.complete(action.apply(id)), ran));
        try {
            ran.join();
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Takes this transaction's place in the order now (a layout change that holds no node does so). */
    public void enter() {
        checkOpen();
        enterNodes();
    }

    /** The layout this transaction routes by; null before it entered the order. */
    public ComputeLayout layout() {
        return layout;
    }

    /** Whether committing would log something: rows, DDL or sequence states changed. */
    public boolean hasChanges() {
        return !changes.isEmpty() || touchedSequences != null && !touchedSequences.isEmpty();
    }

    /** Whether this transaction has taken its place on compute nodes and not let them go yet. */
    public boolean holdsNodes() {
        return slots != null && !ended;
    }

    /** Whether a table of this name exists now (in this transaction's catalog). */
    public boolean tableExists(String schema, String name) {
        return executor.catalog().current().table(schema, name) != null;
    }

    /** CREATE SEQUENCE; null when it exists and {@code ifNotExists}. DDL has every node to itself. */
    public SequenceDef createSequence(SequenceDef def, boolean ifNotExists) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        requireSchema(current, def.schema());
        if (current.table(def.schema(), def.name()) != null || current.view(def.schema(), def.name()) != null
                || current.sequence(def.schema(), def.name()) != null) {
            if (ifNotExists) {
                return null;
            }
            throw new SqlException(SqlState.DUPLICATE_TABLE, "relation \"" + def.name() + "\" already exists");
        }
        rememberCatalog(current);
        executor.catalog().update(c -> c.withSequence(new Sequence(def)));
        changes.add(new Change.CreateSequence(def));
        return def;
    }

    /** DROP SEQUENCE; false when it does not exist. */
    public boolean dropSequence(String schema, String name) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        if (current.sequence(schema, name) == null) {
            return false;
        }
        rememberCatalog(current);
        executor.catalog().update(c -> c.withoutSequence(schema, name));
        if (touchedSequences != null) {
            touchedSequences.remove(schema + "." + name);
        }
        changes.add(new Change.DropSequence(schema, name));
        return true;
    }

    /**
     * The table a DDL statement is about to change, with every node held and the catalog before
     * the change remembered for a rollback; null when there is no such table.
     */
    private Table tableToChange(String schema, String name) {
        checkOpen();
        enterAllNodes();
        Catalog current = executor.catalog().current();
        Table table = current.table(schema, name);
        if (table != null) {
            rememberCatalog(current);
        }
        return table;
    }

    private void rememberCatalog(Catalog current) {
        if (catalogBefore == null) {
            catalogBefore = current;
        }
    }

    /**
     * Queues the WAL record while the nodes are still held (so the log order is the execution
     * order), releases the nodes, and returns a future that completes once the record, and every
     * record this transaction may have read from, is durable.
     */
    public CompletableFuture<Void> commit() {
        checkOpen();
        ended = true;
        for (Sequence sequence : touchedSequences == null ? List.<Sequence>of() : touchedSequences.values()) {
            Sequence.State state = sequence.state();
            changes.add(new Change.SequenceState(sequence.def().schema(), sequence.def().name(), state.lastValue(),
                    state.called(), state.version()));
        }
        if (changes.isEmpty() && readNothing()) {
            return CompletableFuture.completedFuture(null);
        }
        long lsn;
        boolean readOnly = changes.isEmpty();
        try {
            lsn = readOnly ? readDependency() : executor.wal().append(ChangeCodec.encode(changes));
        } catch (WalFailedException e) {
            undoAndRelease();
            return CompletableFuture.failedFuture(durabilityError("could not write to the write-ahead log", e));
        }
        if (!readOnly && !onlyRowChanges()) {
            executor.catalogChangedAt(lsn); // before the nodes go: whoever runs after sees it
        }
        release(true, readOnly ? 0 : lsn);
        return executor.wal().whenDurable(lsn).exceptionallyCompose(e -> readOnly
                // Fail-stop: once the log has failed no write commits any more, but reads go on.
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(durabilityError("could not make the transaction durable", e)));
    }

    /** The log's failure (its message names the cause and the file) as 53100 or 58030. */
    private static SqlException durabilityError(String what, Throwable e) {
        Throwable failure = e;
        while (!(failure instanceof WalFailedException) && failure.getCause() != null) {
            failure = failure.getCause();
        }
        String message = failure.getMessage() != null ? failure.getMessage() : rootMessage(e);
        return SqlException.ioFailure(what, message == null ? e.toString() : message, e);
    }

    /**
     * Undoes everything this transaction did and releases the nodes. The future completes once
     * every commit this transaction may have read from is durable: even an error or a result that
     * is thrown away may reveal what it read, so whoever reports it waits for this.
     */
    public CompletableFuture<Void> rollback() {
        if (ended) {
            return CompletableFuture.completedFuture(null);
        }
        ended = true;
        boolean readNothing = readNothing();
        undoAndRelease();
        if (readNothing) {
            return CompletableFuture.completedFuture(null);
        }
        return executor.wal().whenDurable(readDependency())
                .exceptionally(e -> null); // the log failing later is not this transaction's error
    }

    /**
     * The LSN that must be durable before what this transaction read is shown: the last writers
     * of the keys it read and the last change of the catalog or layout, or every commit so far
     * when it read more than keys, changed the catalog or used sequences.
     */
    private long readDependency() {
        long everything = executor.wal().lastAppendedLsn();
        if (readUpTo == Long.MAX_VALUE || catalogBefore != null || installs != null || touchedSequences != null) {
            return everything;
        }
        return Math.min(everything, Math.max(readUpTo, executor.catalogChangedAt()));
    }

    /** Whether every change is a row's (no DDL, layout or sequence state in the record). */
    private boolean onlyRowChanges() {
        for (Change change : changes) {
            if (!(change instanceof Change.Insert || change instanceof Change.Update || change instanceof Change.Delete)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Never entered a compute node: it saw no row, so nothing it reports depends on another
     * transaction's commit (BEGIN, SET-like statements, {@code select 1}, {@code select now()}).
     */
    private boolean readNothing() {
        return slots == null && !nodesReleased && catalogBefore == null;
    }

    private void undoAndRelease() {
        if (catalogBefore != null) {
            executor.catalog().restore(catalogBefore);
        }
        release(false);
    }

    private void release(boolean commit) {
        release(commit, 0);
    }

    /** {@code lsn}: the WAL record of a commit that changed rows, else 0. */
    private void release(boolean commit, long lsn) {
        if (slots == null) {
            return;
        }
        long durable = lsn > 0 ? executor.wal().durableLsn() : 0;
        List<CompletableFuture<Void>> done = new ArrayList<>(slots.length);
        for (TransactionSlot slot : slots) {
            if (slot == null) {
                continue;
            }
            CompletableFuture<Void> ended = new CompletableFuture<>();
            slot.send(new TransactionSlot.End(commit, lsn, durable, ended));
            done.add(ended);
        }
        if (!commit) {
            // Undo must be finished before anyone learns the transaction is over.
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        }
    }

    private void enterNodes() {
        if (nodesReleased) {
            throw new IllegalStateException("transaction already let its nodes go (runLast)");
        }
        if (slots == null) {
            Executor.Entry entry = executor.enter(nodes, installs);
            slots = entry.slots();
            layout = entry.layout();
            if (installs != null) {
                changes.add(new Change.Layout(installs));
            }
        }
    }

    /**
     * DDL has every node to itself, and changes the catalog only once every transaction ordered
     * before it is done on every node: an earlier INSERT must have run and queued its WAL record
     * before a TRUNCATE replaces the table and queues its own, or the log would replay them the
     * other way round.
     */
    private void enterAllNodes() {
        enterNodes();
        for (int id : layout.nodeIds()) {
            if (slots[id] == null) {
                throw new IllegalStateException("DDL in a transaction that declared only some nodes");
            }
        }
        if (!turnReached) {
            turnReached = true;
            runOnEveryNode(node -> { });
        }
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("transaction already ended");
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
