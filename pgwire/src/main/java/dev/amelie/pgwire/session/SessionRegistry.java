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

    BackendKey register(Session session) {
        BackendKey key = new BackendKey(lastProcessId.incrementAndGet(), random.nextInt());
        sessions.put(key, session);
        return key;
    }

    void unregister(BackendKey key) {
        sessions.remove(key);
    }

    /** The session a CancelRequest names, if both its process id and secret match. */
    public Optional<Session> find(int processId, int secretKey) {
        return Optional.ofNullable(sessions.get(new BackendKey(processId, secretKey)));
    }

    public int size() {
        return sessions.size();
    }
}
