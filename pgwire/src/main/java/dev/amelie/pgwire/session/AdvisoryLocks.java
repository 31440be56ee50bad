package dev.amelie.pgwire.session;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The server's advisory locks (pg_advisory_lock and its kin), PostgreSQL 15's semantics
 * (functions-admin.html, "Advisory Lock Functions"; lock.c): a lock is a 64-bit key (or a pair
 * of 32-bit keys, a key space of its own), held in exclusive or shared mode, at session level
 * (until unlocked or the session ends) or transaction level (until the transaction ends). A
 * session never conflicts with itself and holds a lock as many times as it took it; another
 * session's exclusive hold blocks every mode, its shared hold blocks the exclusive one.
 *
 * <p>Thread-safe: sessions run their statements on their own threads. A waiting lock call
 * waits on this object's monitor, so that a release wakes it; no statement holds the monitor
 * while it works.
 */
public final class AdvisoryLocks {
    /** A lock's name: {@code pair} tells pg_advisory_lock(int, int) from pg_advisory_lock(bigint). */
    public record Key(long key, boolean pair) {}

    /** How one session holds one key: counts per level and mode. */
    private static final class Holds {
        int sessionExclusive;
        int sessionShared;
        int transactionExclusive;
        int transactionShared;

        boolean exclusive() {
            return sessionExclusive + transactionExclusive > 0;
        }

        boolean empty() {
            return sessionExclusive + sessionShared + transactionExclusive + transactionShared == 0;
        }
    }

    private final Map<Key, Map<Integer, Holds>> locks = new HashMap<>();

    /** pg_try_advisory[_xact]_lock[_shared]: takes the lock if no other session's hold conflicts. */
    public synchronized boolean tryLock(int session, Key key, boolean shared, boolean transaction) {
        Map<Integer, Holds> holders = locks.computeIfAbsent(key, k -> new HashMap<>());
        for (Map.Entry<Integer, Holds> holder : holders.entrySet()) {
            if (holder.getKey() != session && (!shared || holder.getValue().exclusive())) {
                return false;
            }
        }
        Holds holds = holders.computeIfAbsent(session, s -> new Holds());
        if (transaction) {
            if (shared) {
                holds.transactionShared++;
            } else {
                holds.transactionExclusive++;
            }
        } else if (shared) {
            holds.sessionShared++;
        } else {
            holds.sessionExclusive++;
        }
        return true;
    }

    /**
     * pg_advisory[_xact]_lock[_shared]: waits until the lock is free for this session, or until
     * {@code cancelled} says the statement was cancelled (then false, and nothing is held).
     */
    public synchronized boolean lock(int session, Key key, boolean shared, boolean transaction, BooleanSupplier cancelled)
            throws InterruptedException {
        while (!tryLock(session, key, shared, transaction)) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            wait(100); // a release notifies; the timeout lets a cancel be seen
        }
        return true;
    }

    /**
     * pg_advisory_unlock[_shared]: gives up one session-level hold of the mode; false when the
     * session holds none (PostgreSQL then warns and returns false). Transaction-level holds are
     * not released this way.
     */
    public synchronized boolean unlock(int session, Key key, boolean shared) {
        Map<Integer, Holds> holders = locks.get(key);
        Holds holds = holders == null ? null : holders.get(session);
        if (holds == null || (shared ? holds.sessionShared : holds.sessionExclusive) == 0) {
            return false;
        }
        if (shared) {
            holds.sessionShared--;
        } else {
            holds.sessionExclusive--;
        }
        forgetIfFree(key, holders, session, holds);
        return true;
    }

    /** pg_advisory_unlock_all(): every session-level hold of the session. */
    public synchronized void unlockAll(int session) {
        release(session, true, false);
    }

    /** The session's transaction ended (committed or rolled back): its transaction-level holds go. */
    public synchronized void endTransaction(int session) {
        release(session, false, true);
    }

    /** The session ended: everything it held goes. */
    public synchronized void endSession(int session) {
        release(session, true, true);
    }

    /** Whether the session holds the key in any way (for tests and pg_locks). */
    public synchronized boolean holds(int session, Key key) {
        Map<Integer, Holds> holders = locks.get(key);
        return holders != null && holders.containsKey(session);
    }

    private void release(int session, boolean sessionLevel, boolean transactionLevel) {
        boolean released = false;
        for (Iterator<Map.Entry<Key, Map<Integer, Holds>>> it = locks.entrySet().iterator(); it.hasNext(); ) {
            Map<Integer, Holds> holders = it.next().getValue();
            Holds holds = holders.get(session);
            if (holds == null) {
                continue;
            }
            if (sessionLevel) {
                holds.sessionExclusive = 0;
                holds.sessionShared = 0;
            }
            if (transactionLevel) {
                holds.transactionExclusive = 0;
                holds.transactionShared = 0;
            }
            if (holds.empty()) {
                holders.remove(session);
                released = true;
                if (holders.isEmpty()) {
                    it.remove();
                }
            }
        }
        if (released) {
            notifyAll();
        }
    }

    private void forgetIfFree(Key key, Map<Integer, Holds> holders, int session, Holds holds) {
        if (holds.empty()) {
            holders.remove(session);
            if (holders.isEmpty()) {
                locks.remove(key);
            }
        }
        notifyAll(); // a shared hold going may free an exclusive waiter even if others remain
    }
}
