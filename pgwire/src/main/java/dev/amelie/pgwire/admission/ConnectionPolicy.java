package dev.amelie.pgwire.admission;

import dev.amelie.pgwire.tls.ServerTls;

/**
 * What the server lets a connection do before its startup message is answered: TLS (null when
 * not configured: SSLRequest is answered 'N'), whether a connection without TLS is refused,
 * and how many sessions may run at once.
 *
 * @param tls            the server's certificate and key, or null
 * @param requireTls     refuse connections that did not negotiate TLS (28000, as a pg_hba.conf
 *                       {@code hostssl}-only setup does)
 * @param maxConnections sessions at once; the one beyond gets FATAL 53300
 */
public record ConnectionPolicy(ServerTls tls, boolean requireTls, int maxConnections) {
    /** PostgreSQL's default max_connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = 100;

    /** Plain connections, PostgreSQL's default connection limit: what tests and embedded servers get. */
    public static final ConnectionPolicy DEFAULT = new ConnectionPolicy(null, false, DEFAULT_MAX_CONNECTIONS);

    public ConnectionPolicy {
        if (requireTls && tls == null) {
            throw new IllegalArgumentException("require_tls = on needs TLS: set ssl_cert_file and ssl_key_file, or start with --tls");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max_connections must be at least 1, was " + maxConnections);
        }
    }
}
