package dev.amelie.pgwire.session;

import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one idle timer of a session (idle_in_transaction_session_timeout or idle_session_timeout):
 * armed after a ReadyForQuery, disarmed by the next message. Confined to the session's event
 * loop, which also runs the expiry, so arming, disarming and firing never race.
 */
final class IdleTimeout {
    private ScheduledFuture<?> timer;

    void arm(EventExecutor loop, long millis, Runnable onExpiry) {
        disarm();
        timer = loop.schedule(() -> {
            timer = null;
            onExpiry.run();
        }, millis, TimeUnit.MILLISECONDS);
    }

    void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
