package dev.amelie.pgwire.admission;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's max_connections: a session takes a slot when its startup message arrives (as a
 * PostgreSQL backend takes a PGPROC in InitProcess, before authentication) and gives it back
 * when its connection closes. SSLRequest and CancelRequest connections never take one, so a
 * full server can still be asked to cancel.
 *
 * <p>Thread-safe; touched once per connection, never per statement.
 */
public final class ConnectionSlots {
    private final int max;
    private final AtomicInteger taken = new AtomicInteger();

    public ConnectionSlots(int max) {
        this.max = max;
    }

    /** False when all slots are taken; the caller then refuses the connection with 53300. */
    public boolean tryTake() {
        while (true) {
            int now = taken.get();
            if (now >= max) {
                return false;
            }
            if (taken.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    public void giveBack() {
        taken.decrementAndGet();
    }

    public int taken() {
        return taken.get();
    }

    public int max() {
        return max;
    }
}
