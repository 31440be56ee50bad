package dev.amelie.admin.server;

import dev.amelie.admin.settings.Settings;
import dev.amelie.admin.metrics.ConsoleData;
import dev.amelie.admin.metrics.MetricsServer;
import dev.amelie.admin.metrics.ServerMetrics;
import dev.amelie.compute.Database;
import dev.amelie.compute.checkpoint.CheckpointSettings;
import dev.amelie.pgwire.engine.DatabaseQueryEngine;
import dev.amelie.pgwire.auth.AuthMethod;
import dev.amelie.pgwire.auth.Authentication;
import dev.amelie.pgwire.auth.HbaRules;
import dev.amelie.pgwire.server.PgServer;
import dev.amelie.wal.WalSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.amelie.pgwire.admission.ConnectionPolicy;
import dev.amelie.pgwire.tls.GeneratedCertificate;
import dev.amelie.pgwire.tls.ServerTls;
import dev.amelie.vm.memory.HeapGuard;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A whole server wired together: database (recovery, compute nodes, WAL), query engine and the
 * PostgreSQL protocol listener. {@link #close()} stops in reverse order: no new connections,
 * then the nodes finish their queues, then the WAL is flushed and closed.
 */
public final class AmelieServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmelieServer.class);

    private static final double HEAP_GUARD_FRACTION = 0.9;

    private final Settings settings;
    private final Database database;
    private final DatabaseQueryEngine engine;
    private final PgServer pgServer;
    /** null when metrics_listen is off. */
    private final MetricsServer metrics;

    private AmelieServer(Settings settings, Database database, DatabaseQueryEngine engine, PgServer pgServer,
                         MetricsServer metrics) {
        this.settings = settings;
        this.database = database;
        this.engine = engine;
        this.pgServer = pgServer;
        this.metrics = metrics;
    }

    public static AmelieServer start(Settings settings) throws IOException {
        return start(settings, null);
    }

    /** {@code superuserPassword}: the password of "amelie" if it has none yet (AMELIE_PASSWORD, --password-file), else null. */
    public static AmelieServer start(Settings settings, String superuserPassword) throws IOException {
        LOG.info("starting Amelie 0.1.0: {}", settings.describe());
        Database database = Database.open(settings.dataDirectory(), settings.computeNodes(),
                new WalSettings(settings.walSegmentSize(), settings.walSync()),
                new CheckpointSettings(settings.checkpointWalSize(), settings.checkpointInterval()));
        DatabaseQueryEngine engine = new DatabaseQueryEngine(database);
        engine.logMinDurationStatement(settings.logMinDurationStatement());
        if (FirstSuperuser.applyIfUnset(database, superuserPassword)) {
            LOG.info("the superuser amelie has a password now (SCRAM-SHA-256)");
        }
        // Statements stop with 53200 past query_memory_limit, and all do while the heap is 90% full of live data.
        database.executor().limitMemory(settings.queryMemoryLimit(), HeapGuard.atFraction(HEAP_GUARD_FRACTION));
        PgServer pgServer;
        try {
            pgServer = new PgServer(settings.listenHost(), settings.listenPort(), settings.hostThreads(), engine,
                    connectionPolicy(settings));
            pgServer.authentication(new Authentication(authenticationRules(settings), engine.roles()));
            pgServer.start();
        } catch (RuntimeException | IOException e) {
            engine.close();
            database.close();
            throw e;
        }
        MetricsServer metrics = null;
        if (!settings.metricsListen().isEmpty()) {
            int colon = settings.metricsListen().lastIndexOf(':');
            try {
                metrics = MetricsServer.start(settings.metricsListen().substring(0, colon),
                        Integer.parseInt(settings.metricsListen().substring(colon + 1)),
                        new ServerMetrics(database, engine, pgServer.sessions()),
                        new ConsoleData(database, engine, pgServer.sessions()));
            } catch (IOException | RuntimeException e) {
                pgServer.close();
                engine.close();
                database.close();
                throw new IOException("cannot serve metrics on " + settings.metricsListen() + ": " + e.getMessage(), e);
            }
        }
        LOG.info("ready to accept connections on {}:{}", settings.listenHost(), pgServer.port());
        return new AmelieServer(settings, database, engine, pgServer, metrics);
    }

    /** {@code --auth}: that method for everyone; else the hba rules of amelie.conf; else loopback trust and scram elsewhere. */
    static HbaRules authenticationRules(Settings settings) {
        if (!settings.auth().isEmpty()) {
            return HbaRules.everyone(AuthMethod.parse(settings.auth()));
        }
        return settings.hba().isEmpty() ? HbaRules.defaults() : HbaRules.parse(settings.hba());
    }

    /** TLS from the configured files, or the data directory's own self-signed pair with --tls; and max_connections. */
    static ConnectionPolicy connectionPolicy(Settings settings) throws IOException {
        ServerTls tls = null;
        if (settings.sslCertFile() != null || settings.sslKeyFile() != null) {
            if (settings.sslCertFile() == null || settings.sslKeyFile() == null) {
                throw new IllegalArgumentException("ssl_cert_file and ssl_key_file must be set together");
            }
            tls = ServerTls.fromPem(settings.sslCertFile(), settings.sslKeyFile());
        } else if (settings.tls()) {
            Path certificate = GeneratedCertificate.ensure(settings.dataDirectory());
            LOG.info("TLS with the self-signed certificate {} (clients can encrypt, not verify it)", certificate);
            tls = ServerTls.fromPem(certificate, settings.dataDirectory().resolve(GeneratedCertificate.KEY_FILE));
        }
        return new ConnectionPolicy(tls, settings.requireTls(), settings.maxConnections());
    }

    public int port() {
        return pgServer.port();
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() throws IOException {
        LOG.info("shutting down");
        if (metrics != null) {
            metrics.close();
        }
        pgServer.close();
        engine.close();
        LOG.info("group commit: {}", database.wal().stats().describe());
        database.close();
        LOG.info("stopped");
    }
}
