package dev.amelie.wal.writer;

import dev.amelie.wal.WalFailedException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where appending threads hand records to the writer thread.
 *
 * <p>Assigning the LSN and enqueueing happen under one short lock, which is what makes LSN
 * order the order of the log; the lock is never held during IO. Two batches alternate: appenders
 * fill one while the writer writes the other, so an append allocates nothing. The writer parks
 * when there is nothing to write, and the append that finds it parked unparks it.
 */
public final class AppendQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastLsn;
    private RecordBatch filling = new RecordBatch();
    private WalFailedException stopped;
    private boolean writerParked;
    private Thread writer;

    public AppendQueue(long lastLsn) {
        this.lastLsn = lastLsn;
    }

    void attachWriter(Thread writer) {
        this.writer = writer;
    }

    /** Assigns the next LSN to {@code payload} and queues it; the array is kept, not copied. */
    public long append(byte[] payload) {
        long lsn;
        boolean wake;
        lock.lock();
        try {
            if (stopped != null) {
                throw stopped.rethrown();
            }
            lsn = lastLsn + 1;
            filling.add(lsn, payload);
            lastLsn = lsn;
            wake = writerParked;
            writerParked = false;
        } finally {
            lock.unlock();
        }
        if (wake) {
            LockSupport.unpark(writer);
        }
        return lsn;
    }

    public long lastLsn() {
        return lastLsn;
    }

    /**
     * Refuses further appends with {@code reason}; records already queued are still handed to
     * the writer. The first reason sticks: a failure is not overwritten by a later close.
     */
    public void stop(WalFailedException reason) {
        boolean wake;
        lock.lock();
        try {
            if (stopped == null) {
                stopped = reason;
            }
            wake = writerParked;
            writerParked = false;
        } finally {
            lock.unlock();
        }
        if (wake) {
            LockSupport.unpark(writer);
        }
    }

    /** Why appends are refused, or null while they are accepted. */
    public WalFailedException stopReason() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writer thread only: waits until records are queued, then swaps in {@code empty} and
     * returns the queued batch. Returns null once stopped and nothing is left.
     */
    RecordBatch take(RecordBatch empty) {
        lock.lock();
        try {
            while (filling.isEmpty()) {
                if (stopped != null) {
                    return null;
                }
                writerParked = true;
                lock.unlock();
                try {
                    LockSupport.park(this);
                    // Nobody has a reason to interrupt the writer; a stray interrupt must neither
                    // make park spin nor close the file channel under the next write.
                    Thread.interrupted();
                } finally {
                    lock.lock();
                }
            }
            RecordBatch full = filling;
            filling = empty;
            return full;
        } finally {
            lock.unlock();
        }
    }
}
