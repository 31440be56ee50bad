package dev.amelie.pgwire.session;

import java.util.List;

/**
 * What a session shows of the whole server: the server-wide counts SHOW ALL lists (compute nodes,
 * host threads) and the rows of SHOW HOSTS. Read when asked, so they are current.
 */
public interface ServerView {
    ServerView NONE = new ServerView() {
        @Override
        public List<Object[]> settings() {
            return List.of();
        }

        @Override
        public List<Object[]> hosts() {
            return List.of();
        }
    };

    /** Rows {name, setting, description}, as SHOW ALL lists them. */
    List<Object[]> settings();

    /** Rows {host, thread, connections}, one per IO host thread. */
    List<Object[]> hosts();
}
