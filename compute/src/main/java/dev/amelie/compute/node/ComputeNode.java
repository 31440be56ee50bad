package dev.amelie.compute.node;

import org.jctools.queues.MpscUnboundedXaddArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.locks.LockSupport;

/**
 * A compute node: one thread that owns partition {@link #id()} of every table and runs the
 * tasks of its inbox in arrival order, which the executor makes the global transaction order.
 * Everything a task touches in a partition is confined to this thread: no locks.
 */
public final class ComputeNode {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeNode.class);

    private final int id;
    private final MpscUnboundedXaddArrayQueue<NodeTask> inbox = new MpscUnboundedXaddArrayQueue<>(1024);
    private final Thread thread;
    private volatile boolean running = true;

    public ComputeNode(int id) {
        this.id = id;
        this.thread = Thread.ofPlatform().name("amelie-compute-" + id).daemon(true).unstarted(this::loop);
    }

    public int id() {
        return id;
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

    private void loop() {
        while (running) {
            NodeTask task = inbox.poll();
            if (task == null) {
                LockSupport.park(this);
                continue;
            }
            try {
                task.runOn(this);
            } catch (RuntimeException | Error e) {
                // A task must report its own failures to its transaction; reaching here is a bug,
                // and the node must keep serving the global order regardless.
                LOG.error("compute node {}: task failed outside its transaction", id, e);
            }
        }
    }

    /**
     * Stops after the tasks already queued; waits for the thread at most {@code patience}.
     * Returns false when the node is still busy then (a statement still running, which nothing
     * can cancel yet): shutdown goes on without it, the thread being a daemon.
     */
    public boolean stop(java.time.Duration patience) throws InterruptedException {
        submit(node -> running = false);
        return thread.join(patience);
    }
}
