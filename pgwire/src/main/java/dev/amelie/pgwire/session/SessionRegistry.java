package dev.amelie.pgwire.session;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live sessions of one server, by BackendKeyData, so that a CancelRequest arriving on
 * another connection (and another event loop) can find its target. Process ids increase per
 * connection; secrets are random so that a client cannot cancel others' statements by guessing.
 *
 * <p>Thread-safe: sessions register and leave on their own event loops, and lookups come from
 * any of them. Touched once per connection and per cancel, never per statement.
 */
public final class SessionRegistry {
    private final AtomicInteger lastProcessId = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<BackendKey, Session> sessions = new ConcurrentHashMap<>();
    private final AdvisoryLocks advisoryLocks = new AdvisoryLocks();
    /** How many IO host threads serve the sessions, named {@link #HOST_THREAD_PREFIX}0, 1, … */
    private volatile int hostThreads;

    public static final String HOST_THREAD_PREFIX = "amelie-host-";

    public void hostThreads(int count) {
        this.hostThreads = count;
    }

    public int hostThreads() {
        return hostThreads;
    }

    /** Every session as pg_stat_activity shows it, by pid. */
    public java.util.List<SessionSide.Activity> activity() {
        java.util.List<SessionSide.Activity> rows = new java.util.ArrayList<>();
        for (Session session : sessions.values()) {
            rows.add(session.activity());
        }
        rows.sort(java.util.Comparator.comparingInt(SessionSide.Activity::pid));
        return rows;
    }

    /** How many registered sessions logged in as {@code user} (the per-role connection limit counts them). */
    int sessionsOf(String user) {
        int count = 0;
        for (Session session : sessions.values()) {
            if (user.equals(session.parameters().get("session_authorization"))) {
                count++;
            }
        }
        return count;
    }

    /** pg_cancel_backend / pg_terminate_backend; false when no session has the pid. */
    boolean signal(int pid, boolean terminate) {
        for (java.util.Map.Entry<BackendKey, Session> entry : sessions.entrySet()) {
            if (entry.getKey().processId() == pid) {
                if (terminate) {
                    killed.increment();
                    entry.getValue().terminateFromAnotherSession();
                } else {
                    entry.getValue().cancelFromAnotherSession();
                }
                return true;
            }
        }
        return false;
    }

    /** How many sessions are in each state (active, idle, idle in transaction, …). */
    public java.util.Map<String, Integer> connectionsByState() {
        java.util.Map<String, Integer> states = new java.util.TreeMap<>();
        for (String state : new String[] {"active", "idle", "idle in transaction", "idle in transaction (aborted)"}) {
            states.put(state, 0);
        }
        for (Session session : sessions.values()) {
            states.merge(session.state(), 1, Integer::sum);
        }
        return states;
    }

    /** SHOW HOSTS: per host thread, how many sessions it serves. */
    public java.util.List<Object[]> hosts() {
        java.util.Map<String, Integer> connections = new java.util.HashMap<>();
        for (Session session : sessions.values()) {
            connections.merge(session.hostThread(), 1, Integer::sum);
        }
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (int host = 0; host < hostThreads; host++) {
            String thread = HOST_THREAD_PREFIX + host;
            rows.add(new Object[] {String.valueOf(host), thread, String.valueOf(connections.getOrDefault(thread, 0))});
        }
        return rows;
    }

    private final java.util.concurrent.atomic.LongAdder killed = new java.util.concurrent.atomic.LongAdder();

    /** Sessions established since the server started (process ids count them). */
    long sessionsStarted() {
        return lastProcessId.get();
    }

    long sessionsKilled() {
        return killed.sum();
    }

    BackendKey register(Session session) {
        BackendKey key = new BackendKey(lastProcessId.incrementAndGet(), random.nextInt());
        sessions.put(key, session);
        return key;
    }

    void unregister(BackendKey key) {
        sessions.remove(key);
        advisoryLocks.endSession(key.processId()); // PostgreSQL releases a session's locks when it ends
    }

    public AdvisoryLocks advisoryLocks() {
        return advisoryLocks;
    }

    /** The session a CancelRequest names, if both its process id and secret match. */
    public Optional<Session> find(int processId, int secretKey) {
        return Optional.ofNullable(sessions.get(new BackendKey(processId, secretKey)));
    }

    public int size() {
        return sessions.size();
    }
}
