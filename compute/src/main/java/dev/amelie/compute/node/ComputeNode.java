package dev.amelie.compute.node;

import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.locks.LockSupport;

/**
 * A compute node: one thread that owns partition {@link #id()} of every table (the rows whose
 * hash slots the compute layout gives it) and runs the tasks of its inbox in arrival order, which
 * the executor makes the global transaction order. Everything a task touches in a partition is
 * confined to this thread: no locks.
 */
public final class ComputeNode {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeNode.class);

    private final int id;
    private final MpscUnboundedXaddArrayQueue<NodeTask> inbox = new MpscUnboundedXaddArrayQueue<>(1024);
    private final Thread thread;
    private final java.util.UUID uuid;
    private volatile boolean running = true;
    /**
     * Who runs on this node's partitions now: its thread ({@link #RUNNING}: a task, a transaction's
     * turn), nobody ({@link #IDLE}), or another thread that borrowed it for one transaction's
     * turn ({@link #BORROWED}, see {@link #borrow}).
     */
    private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger(IDLE);
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int BORROWED = 2;
    /** Tasks run (each a transaction's turn on this node); written by the node's thread only. */
    private volatile long tasksRun;
    /** Nanoseconds spent in tasks (a transaction's turn, waiting for its requests included). */
    private volatile long busyNanos;

    public ComputeNode(int id, java.util.UUID uuid) {
        this.id = id;
        this.uuid = uuid;
        this.thread = Thread.ofPlatform().name("amelie-compute-" + id).daemon(true).unstarted(this::loop);
    }

    public int id() {
        return id;
    }

    public java.util.UUID uuid() {
        return uuid;
    }

    public String threadName() {
        return thread.getName();
    }

    /** How many transactions have had their turn on this node. */
    public long tasksRun() {
        return tasksRun;
    }

    /** Time this node spent in transactions' turns, since it started. */
    public long busyNanos() {
        return busyNanos;
    }

    /** Tasks queued and not yet started: the node's backlog. */
    public int queueDepth() {
        return inbox.size();
    }

    public void start() {
        thread.start();
    }

    /** Queues a task; safe from any thread. */
    public void submit(NodeTask task) {
        inbox.offer(task);
        LockSupport.unpark(thread);
    }

    public boolean isNodeThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Takes this node for the calling thread when it is idle with nothing queued, until
     * {@link #giveBack}: the caller runs one transaction's turn on it itself, as if it were the
     * node's next task (the node's thread waits meanwhile). The caller holds the executor's order
     * lock while it borrows, so nothing can have been queued before it that it would overtake.
     */
    public boolean borrow() {
        return inbox.isEmpty() && state.compareAndSet(IDLE, BORROWED);
    }

    /** Ends a borrow: the node's thread takes up what was queued meanwhile. */
    public void giveBack() {
        state.set(IDLE);
        if (!inbox.isEmpty()) {
            LockSupport.unpark(thread);
        }
    }

    private void loop() {
        while (running) {
            if (!state.compareAndSet(IDLE, RUNNING)) {
                LockSupport.park(this); // borrowed: giveBack wakes us if something was queued
                continue;
            }
            NodeTask task = inbox.poll();
            if (task == null) {
                state.set(IDLE);
                LockSupport.park(this);
                continue;
            }
            tasksRun++;
            long started = System.nanoTime();
            try {
                task.runOn(this);
            } catch (RuntimeException | Error e) {
                // A task must report its own failures to its transaction; reaching here is a bug,
                // and the node must keep serving the global order regardless.
                LOG.error("compute node {}: task failed outside its transaction", id, e);
            } finally {
                state.set(IDLE);
            }
            busyNanos += System.nanoTime() - started;
        }
    }

    /**
     * Stops after the tasks already queued; waits for the thread at most {@code patience}.
     * Returns false when the node is still busy then (a statement still running, which nothing
     * can cancel yet): shutdown goes on without it, the thread being a daemon.
     */
    public boolean stop(java.time.Duration patience) throws InterruptedException {
        retire();
        return thread.join(patience);
    }

    /** Stops after the tasks already queued, without waiting (ALTER COMPUTE DROP NODE). */
    public void retire() {
        submit(node -> running = false);
    }

    /** Waits for a retired node's thread to end. */
    public boolean awaitStopped(java.time.Duration patience) throws InterruptedException {
        return thread.join(patience);
    }
}
