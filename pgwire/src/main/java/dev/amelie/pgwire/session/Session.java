package dev.amelie.pgwire.session;

import dev.amelie.pgwire.admission.ConnectionPolicy;
import dev.amelie.pgwire.admission.ConnectionSlots;
import dev.amelie.pgwire.codec.ResponseBatch;
import dev.amelie.pgwire.message.Bind;
import dev.amelie.pgwire.message.CancelRequest;
import dev.amelie.pgwire.message.Close;
import dev.amelie.pgwire.message.CopyData;
import dev.amelie.pgwire.message.CopyDone;
import dev.amelie.pgwire.message.CopyFail;
import dev.amelie.pgwire.message.DataRow;
import dev.amelie.pgwire.message.Describe;
import dev.amelie.pgwire.message.ErrorResponse;
import dev.amelie.pgwire.message.Execute;
import dev.amelie.pgwire.message.Flush;
import dev.amelie.pgwire.message.FrontendMessage;
import dev.amelie.pgwire.message.FunctionCall;
import dev.amelie.pgwire.message.GssEncRequest;
import dev.amelie.pgwire.message.MalformedMessage;
import dev.amelie.pgwire.message.Parse;
import dev.amelie.pgwire.message.Query;
import dev.amelie.pgwire.message.ReadyForQuery;
import dev.amelie.pgwire.message.SslRequest;
import dev.amelie.pgwire.message.StartupMessage;
import dev.amelie.pgwire.message.Sync;
import dev.amelie.pgwire.message.Terminate;
import dev.amelie.pgwire.session.QueryEngine.BoundStatement;
import dev.amelie.pgwire.session.QueryEngine.TransactionOutcome;
import dev.amelie.pgwire.session.QueryEngine.TransactionStatus;
import dev.amelie.pgwire.type.FormatCode;
import dev.amelie.pgwire.type.PgType;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One client connection's protocol session: the last handler of the channel pipeline, after
 * the {@link dev.amelie.pgwire.codec.FrontendMessageDecoder}.
 *
 * <p><b>Threading.</b> Everything here runs on the channel's event loop and is plain,
 * unsynchronized state. The engine's {@code execute} future completes on another thread; its
 * continuation is handed back to the event loop before it touches anything. While a
 * transaction is in flight the session is <em>busy</em>: later messages from the client
 * (pipelining) wait in {@link #pending}, in order, and run when it completes; a long queue
 * stops reading from the socket (autoRead off) until it drains, so a client cannot make us
 * buffer without bound.
 *
 * <p><b>Errors.</b> A SqlException becomes an ErrorResponse; in the extended protocol the
 * session then discards messages until Sync (postgres.c ignore_till_sync). Any other exception
 * is logged once with its stack trace and reaches the client only as XX000 "internal error".
 * A malformed message is FATAL 08P01 and closes this connection only.
 *
 * <p><b>Before startup.</b> An SSLRequest is answered 'S' and a TLS handler goes first into the
 * pipeline when the {@link ConnectionPolicy} has a certificate, so everything from the
 * StartupMessage on is encrypted; the StartupMessage then takes one of the server's connection
 * slots and is refused if the policy demands TLS that was not negotiated.
 */
public final class Session extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(Session.class);

    /** Queued messages that make the session stop reading the socket. */
    static final int PAUSE_READING_AT = 1024;

    private final QueryEngine engine;
    /** The engine's state for this connection (an open transaction block); touched between messages only. */
    private final QueryEngine.Connection engineConnection;
    private final SessionRegistry registry;
    private final SessionParameters parameters;
    private final ConnectionPolicy policy;
    private final ConnectionSlots slots;
    /** This session holds one of {@link #slots} until its connection closes. */
    private boolean holdsSlot;
    /** An SSLRequest (and a GSSENCRequest) was answered: a second one is no protocol at all. */
    private boolean sslAnswered;
    private boolean gssAnswered;
    /** TLS was negotiated: the pipeline's first handler decrypts. */
    private boolean encrypted;
    private final IdleTimeout idleTimeout = new IdleTimeout();
    /** The IO host thread serving this session (it registers there). */
    private String hostThread = "";
    /** pg_stat_activity's times and query; written on the event loop, read from any thread. */
    private final java.time.Instant backendStart = java.time.Instant.now();
    private volatile java.time.Instant transactionStart;
    private volatile java.time.Instant queryStart;
    private volatile java.time.Instant stateChange = backendStart;
    private volatile String lastQuery = "";
    private final ArrayDeque<FrontendMessage> pending = new ArrayDeque<>();
    private final SimpleQueryFlow simpleQuery = new SimpleQueryFlow(this);
    private final ExtendedQueryFlow extendedQuery = new ExtendedQueryFlow(this);
    private final CopyInFlow copyIn = new CopyInFlow(this);

    private ChannelHandlerContext ctx;
    private ResponseBatch out;
    private BackendKey key;
    /** A message is running; volatile because SHOW and metrics read it from other threads. */
    private volatile boolean busy;
    private boolean closing;
    private boolean readingPaused;
    private boolean ignoreTillSync;

    /** A session without TLS and without a connection limit of its own (tests, embedded use). */
    public Session(QueryEngine engine, SessionRegistry registry) {
        this(engine, registry, dev.amelie.pgwire.auth.Authentication.NONE);
    }

    /** How clients prove who they are; {@link dev.amelie.pgwire.auth.Authentication#NONE}: trusted as they say. */
    private final dev.amelie.pgwire.auth.Authentication authentication;
    /** Authentication under way: until it ends only its answers are accepted. */
    private LoginFlow login;

    public Session(QueryEngine engine, SessionRegistry registry, dev.amelie.pgwire.auth.Authentication authentication) {
        this(engine, registry, authentication, ConnectionPolicy.DEFAULT,
                new ConnectionSlots(ConnectionPolicy.DEFAULT.maxConnections()));
    }

    public Session(QueryEngine engine, SessionRegistry registry, ConnectionPolicy policy, ConnectionSlots slots) {
        this(engine, registry, dev.amelie.pgwire.auth.Authentication.NONE, policy, slots);
    }

    /** @param slots the server's max_connections, shared by all its sessions */
    public Session(QueryEngine engine, SessionRegistry registry, dev.amelie.pgwire.auth.Authentication authentication,
                   ConnectionPolicy policy, ConnectionSlots slots) {
        this.authentication = authentication;
        this.policy = policy;
        this.slots = slots;
        this.engine = engine;
        this.engineConnection = engine.connect();
        this.registry = registry;
        engineConnection.attach(new SessionSide() {
            @Override
            public List<Activity> activity() {
                return registry.activity();
            }

            @Override
            public int backendPid() {
                return key == null ? 0 : key.processId();
            }

            @Override
            public boolean signal(int pid, boolean terminate) {
                return registry.signal(pid, terminate);
            }

            @Override
            public long sessionsStarted() {
                return registry.sessionsStarted();
            }

            @Override
            public long sessionsKilled() {
                return registry.sessionsKilled();
            }

            // The session waits for its statement while these run, so its parameters are not changing under them.
            @Override
            public String setting(String name, boolean missingOk) {
                return parameters.current(name, missingOk);
            }

            @Override
            public String setSetting(String name, String value, boolean local) {
                return parameters.setByFunction(name, value, local);
            }

            @Override
            public List<Setting> settings() {
                return parameters.settings();
            }

            @Override
            public String user(boolean current) {
                String role = parameters.get("role");
                return current && role != null && !role.equals("none") ? role : parameters.get("session_authorization");
            }

            @Override
            public AdvisoryLocks advisoryLocks() {
                return registry.advisoryLocks();
            }
        });
        this.parameters = new SessionParameters(new ServerView() {
            @Override
            public List<Object[]> settings() {
                List<Object[]> rows = new ArrayList<>(engine.serverSettings());
                rows.add(new Object[] {"hosts", String.valueOf(registry.hostThreads()),
                        "IO host threads running the PostgreSQL protocol (the hosts setting)."});
                return rows;
            }

            @Override
            public List<Object[]> hosts() {
                return registry.hosts();
            }

            @Override
            public void checkSetRole(String sessionUser, String role) {
                engine.checkSetRole(sessionUser, role);
            }
        });
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.out = new ResponseBatch(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        FrontendMessage message = (FrontendMessage) msg;
        if (busy || !pending.isEmpty()) {
            pending.add(message);
            if (pending.size() >= PAUSE_READING_AT && !readingPaused) {
                readingPaused = true;
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        handle(message);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        idleTimeout.disarm();
        if (holdsSlot) {
            holdsSlot = false;
            slots.giveBack();
        }
        copyIn.close();
        engineConnection.close();
        pending.clear();
        out.discard();
        if (key != null) {
            registry.unregister(key);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause.getCause() instanceof javax.net.ssl.SSLException) {
            // The client went away mid-conversation, or its TLS handshake failed (it does not
            // trust our certificate, speaks no common protocol): nothing to tell it.
            log.debug("connection error: {}", cause.toString());
        } else {
            log.error("unexpected error on connection {}", ctx.channel(), cause);
        }
        closing = true;
        ctx.close();
    }

    private void handle(FrontendMessage message) {
        if (closing) {
            return;
        }
        idleTimeout.disarm();
        if (ignoreTillSync && !(message instanceof Sync || message instanceof Terminate
                || message instanceof MalformedMessage malformed && !malformed.framed())) {
            return;
        }
        if (copyIn.active() && handleDuringCopyIn(message)) {
            return;
        }
        if (login != null) {
            handleDuringLogin(message);
            return;
        }
        boolean extended = isExtendedProtocol(message)
                || message instanceof MalformedMessage malformed && malformed.extendedProtocol();
        try {
            switch (message) {
                case dev.amelie.pgwire.message.PasswordMessage _ -> fatal(new SqlException(SqlState.PROTOCOL_VIOLATION,
                        "invalid frontend message type " + (int) 'p'));
                case SslRequest _ -> negotiateTls();
                case GssEncRequest _ -> refuseGssEncryption();
                case CancelRequest cancel -> cancel(cancel);
                case StartupMessage startup -> {
                    if (admit(startup)) {
                        StartupHandshake.run(this, startup);
                    }
                }
                case Query query -> simpleQuery.run(query);
                case Parse parse -> extendedQuery.parse(parse);
                case Bind bind -> extendedQuery.bind(bind);
                case Describe describe -> extendedQuery.describe(describe);
                case Execute execute -> extendedQuery.execute(execute);
                case Close close -> extendedQuery.close(close);
                case Sync _ -> extendedQuery.sync();
                case Flush _ -> extendedQuery.flush();
                case Terminate _ -> {
                    closing = true;
                    out.flushAndClose();
                }
                case FunctionCall _ -> throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED,
                        "fast-path function calls are not supported");
                case CopyData _, CopyDone _, CopyFail _ -> {
                    // Ignored outside COPY, as PostgreSQL does (the rest of a COPY that failed).
                }
                case MalformedMessage malformed -> {
                    if (!malformed.framed()) {
                        fatal(new SqlException(SqlState.PROTOCOL_VIOLATION, malformed.reason()));
                    } else {
                        fail(new SqlException(SqlState.PROTOCOL_VIOLATION, malformed.reason()), extended);
                    }
                }
            }
        } catch (SqlException e) {
            fail(e, extended);
        } catch (RuntimeException e) {
            fail(internalError(e), extended);
        }
    }

    /** While authenticating: the client's answer, or the end of the conversation (postgres.c: FATAL otherwise). */
    private void handleDuringLogin(FrontendMessage message) {
        try {
            switch (message) {
                case dev.amelie.pgwire.message.PasswordMessage password -> {
                    if (login.answer(password)) {
                        login = null;
                    }
                }
                case Terminate _ -> {
                    closing = true;
                    out.flushAndClose();
                }
                case MalformedMessage malformed -> fatal(new SqlException(SqlState.PROTOCOL_VIOLATION, malformed.reason()));
                default -> fatal(new SqlException(SqlState.PROTOCOL_VIOLATION,
                        "expected password response, got message type " + (int) typeOf(message)));
            }
        } catch (RuntimeException e) {
            fatal(internalError(e));
        }
    }

    dev.amelie.pgwire.auth.Authentication authentication() {
        return authentication;
    }

    void awaitLogin(LoginFlow flow) {
        this.login = flow;
    }

    SessionRegistry registry() {
        return registry;
    }

    java.net.InetAddress remoteAddress() {
        if (ctx != null && ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress remote) {
            return remote.getAddress();
        }
        return null;
    }

    /**
     * A message while a COPY FROM STDIN is receiving data; false when it is handled as usual
     * (Terminate, a message that breaks the framing).
     */
    private boolean handleDuringCopyIn(FrontendMessage message) {
        switch (message) {
            case CopyData data -> copyIn.data(data);
            case CopyDone _ -> copyIn.done();
            case CopyFail fail -> copyIn.fail(fail);
            case Flush _, Sync _ -> {
                // libpq may send these without noticing that its command was a COPY.
            }
            case Terminate _, MalformedMessage _ -> {
                return false;
            }
            default -> copyIn.unexpected(typeOf(message));
        }
        return true;
    }

    /** The type byte a frontend message had on the wire. */
    private static char typeOf(FrontendMessage message) {
        return switch (message) {
            case Query _ -> 'Q';
            case Parse _ -> 'P';
            case Bind _ -> 'B';
            case Describe _ -> 'D';
            case Execute _ -> 'E';
            case Close _ -> 'C';
            case FunctionCall _ -> 'F';
            default -> '?';
        };
    }

    private static boolean isExtendedProtocol(FrontendMessage message) {
        return message instanceof Parse || message instanceof Bind || message instanceof Describe
                || message instanceof Execute || message instanceof Close || message instanceof Flush;
    }

    /**
     * SSLRequest: 'S' and the TLS handler first in the pipeline when a certificate is configured,
     * else 'N' and the client goes on in the clear (or gives up, with sslmode=require). The 'S'
     * leaves before the handler is in place, so it is the last byte sent in the clear.
     */
    private void negotiateTls() {
        if (sslAnswered) {
            unsupportedProtocol(dev.amelie.pgwire.message.SslRequest.CODE);
            return;
        }
        sslAnswered = true;
        if (policy.tls() == null) {
            out.buffer().writeByte('N');
            out.flush();
            return;
        }
        gssAnswered = true; // postmaster.c: after TLS, no GSSAPI encryption on top
        out.buffer().writeByte('S');
        out.flush();
        ctx.pipeline().addFirst("tls", policy.tls().newHandler(ctx.alloc()));
        encrypted = true;
    }

    /** We speak no GSSAPI encryption: 'N', and libpq goes on to SSLRequest or the clear. */
    private void refuseGssEncryption() {
        if (gssAnswered) {
            unsupportedProtocol(GssEncRequest.CODE);
            return;
        }
        gssAnswered = true;
        out.buffer().writeByte('N');
        out.flush();
    }

    /** A second encryption request is read as a startup packet of an unknown protocol, as postmaster.c does. */
    private void unsupportedProtocol(int code) {
        fatal(new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol " + (code >>> 16) + "."
                + (code & 0xFFFF) + ": server supports 3.0 to 3." + StartupHandshake.PROTOCOL_NEWEST_MINOR));
    }

    /**
     * Takes a connection slot and applies require_tls before the startup handshake (and so before
     * authentication), in PostgreSQL's order: InitProcess's "too many clients" comes before
     * pg_hba.conf is consulted.
     */
    private boolean admit(StartupMessage startup) {
        if (startup.majorVersion() != StartupHandshake.PROTOCOL_MAJOR) {
            return true; // the handshake refuses it with PostgreSQL's message
        }
        if (!slots.tryTake()) {
            fatal(new SqlException(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already"));
            return false;
        }
        holdsSlot = true;
        String user = startup.parameters().get("user");
        if (policy.requireTls() && !encrypted && user != null && !user.isEmpty()) {
            String database = startup.parameters().getOrDefault("database", "");
            fatal(new SqlException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "no pg_hba.conf entry for host \""
                    + remoteHost() + "\", user \"" + user + "\", database \"" + (database.isEmpty() ? user : database)
                    + "\", no encryption"));
            return false;
        }
        return true;
    }

    private String remoteHost() {
        if (ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress remote) {
            return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        }
        return "[local]";
    }

    /**
     * Cancellation is not wired to the engine yet. As PostgreSQL does, the cancel connection
     * gets no answer and is closed; the registry already finds the target session.
     */
    private void cancel(CancelRequest request) {
        // As PostgreSQL: a wrong key or no running statement is silently nothing.
        registry.find(request.processId(), request.secretKey()).ifPresent(target -> target.engineConnection.cancel());
        closing = true;
        ctx.close();
    }

    // ---- services for the flows ------------------------------------------------------------

    QueryEngine engine() {
        return engine;
    }

    SessionParameters parameters() {
        return parameters;
    }

    ResponseBatch out() {
        return out;
    }

    ExtendedQueryFlow extendedQuery() {
        return extendedQuery;
    }

    CopyInFlow copyIn() {
        return copyIn;
    }

    QueryEngine.Connection engineConnection() {
        return engineConnection;
    }

    /** The next transaction is a part of its message that more parts follow (a COPY FROM STDIN waits). */
    void continueMessage() {
        engineConnection.continueMessage();
    }

    void registerKey() {
        hostThread = Thread.currentThread().getName();
        key = registry.register(this);
    }

    String hostThread() {
        return hostThread;
    }

    /** This session as pg_stat_activity shows it. */
    SessionSide.Activity activity() {
        String address = null;
        Integer port = null;
        if (ctx != null && ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress remote) {
            address = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
            port = remote.getPort();
        }
        return new SessionSide.Activity(key == null ? 0 : key.processId(), parameters.get("session_authorization"),
                parameters.get("application_name"), address, port, backendStart, transactionStart, queryStart,
                stateChange, state(), lastQuery);
    }

    /** pg_cancel_backend: the running statement, if any, stops with 57014. */
    void cancelFromAnotherSession() {
        engineConnection.cancel();
    }

    /** pg_terminate_backend: FATAL 57P01 to the client, then the connection closes, on this session's loop. */
    void terminateFromAnotherSession() {
        if (ctx == null) {
            return;
        }
        ctx.channel().eventLoop().execute(() -> {
            engineConnection.cancel();
            io.netty.buffer.ByteBuf buffer = ctx.alloc().buffer();
            dev.amelie.pgwire.message.ErrorResponse.write(buffer, dev.amelie.pgwire.message.ErrorResponse.FATAL,
                    new SqlException(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command"));
            ctx.writeAndFlush(buffer).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        });
    }

    /** As pg_stat_activity's state column says it. */
    String state() {
        if (busy) {
            return "active";
        }
        return switch (engineConnection.status()) {
            case IDLE -> "idle";
            case IN_BLOCK -> "idle in transaction";
            case FAILED -> "idle in transaction (aborted)";
        };
    }

    BackendKey key() {
        return key;
    }

    /**
     * Runs statements as one transaction; {@code then} gets the outcome on this session's event
     * loop. Until then the session is busy and queues what the client sends.
     */
    void runTransaction(List<BoundStatement> statements, boolean extended, Consumer<TransactionOutcome> then) {
        runTransaction(statements, null, extended, then);
    }

    /** As above; a non-null {@code thenFail} makes the transaction fail with it after the statements. */
    void runTransaction(List<BoundStatement> statements, SqlException thenFail, boolean extended,
                        Consumer<TransactionOutcome> then) {
        java.time.Instant now = java.time.Instant.now();
        if (engineConnection.status() == TransactionStatus.IDLE) {
            transactionStart = now;
        }
        queryStart = now;
        stateChange = now;
        lastQuery = statements.size() == 1 ? statements.getFirst().query().text()
                : String.join("; ", statements.stream().map(s -> s.query().text()).toList());
        CompletableFuture<TransactionOutcome> future = engine.execute(engineConnection, statements, thenFail);
        busy = true;
        long timeout = parameters.statementTimeoutMillis();
        if (timeout > 0) {
            ScheduledFuture<?> timer = ctx.executor().schedule(engineConnection::timeOut, timeout, TimeUnit.MILLISECONDS);
            future.whenComplete((outcome, failure) -> timer.cancel(false));
        }
        future.whenComplete((outcome, failure) -> {
            try {
                ctx.channel().eventLoop().execute(() -> afterTransaction(outcome, failure, extended, then));
            } catch (RejectedExecutionException e) {
                // The server is shutting down and the connection with it: nobody to answer.
                log.debug("result dropped, event loop is shut down");
            }
        });
    }

    private void afterTransaction(TransactionOutcome outcome, Throwable failure, boolean extended,
                                  Consumer<TransactionOutcome> then) {
        busy = false;
        stateChange = java.time.Instant.now();
        if (engineConnection.status() == TransactionStatus.IDLE) {
            transactionStart = null;
        }
        if (closing) {
            return;
        }
        try {
            if (failure != null) {
                throw new IllegalStateException("engine execute failed", failure);
            }
            then.accept(outcome);
        } catch (SqlException e) {
            fail(e, extended);
        } catch (RuntimeException e) {
            fail(internalError(e), extended);
        }
        resumePending();
    }

    private void resumePending() {
        while (!busy && !closing && !pending.isEmpty()) {
            handle(pending.poll());
        }
        if (readingPaused && pending.isEmpty() && !closing) {
            readingPaused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Reports an error where the client expects it and puts the session back on its feet. */
    void fail(SqlException error, boolean extended) {
        if (closing) {
            return;
        }
        ErrorResponse.write(out.buffer(), error);
        if (extended && extendedQuery.hasWaitingExecutes()) {
            // The waiting Executes' transaction fails with this error when it runs.
            extendedQuery.failBatch(error);
        } else {
            // As in PostgreSQL, any error inside a transaction block aborts the block.
            engineConnection.fail();
        }
        if (extended) {
            ignoreTillSync = true;
        } else {
            writeReadyForQuery();
            out.flush();
        }
    }

    /** An extended-protocol error: messages up to the next Sync are skipped. */
    void ignoreTillSync() {
        ignoreTillSync = true;
    }

    /** Sync ends the skipping. */
    void endIgnoreTillSync() {
        ignoreTillSync = false;
    }

    /** Ends the connection with a FATAL error. */
    void fatal(SqlException error) {
        ErrorResponse.write(out.buffer(), ErrorResponse.FATAL, error);
        closing = true;
        out.flushAndClose();
    }

    SqlException internalError(Throwable cause) {
        log.error("internal error in session {}", key == null ? "(starting)" : key.processId(), cause);
        return new SqlException(SqlState.INTERNAL_ERROR, "internal error");
    }

    /** ParameterStatus for what changed, then ReadyForQuery, as PostgreSQL orders them. */
    void writeReadyForQuery() {
        ByteBuf buffer = out.buffer();
        if (engineConnection.status() == dev.amelie.pgwire.session.QueryEngine.TransactionStatus.IDLE) {
            parameters.endTransaction();
            if (key != null) {
                registry.advisoryLocks().endTransaction(key.processId());
            }
        }
        parameters.reportChanges(buffer);
        TransactionStatus status = engineConnection.status();
        ReadyForQuery.write(buffer, status.indicator());
        armIdleTimeout(status);
    }

    /**
     * idle_in_transaction_session_timeout / idle_session_timeout: armed with each ReadyForQuery,
     * disarmed by the next message, as postgres.c does around its wait for a command.
     */
    private void armIdleTimeout(TransactionStatus status) {
        boolean inBlock = status != TransactionStatus.IDLE;
        long millis = parameters.millis(inBlock ? "idle_in_transaction_session_timeout" : "idle_session_timeout");
        if (millis <= 0 || ctx == null) {
            return;
        }
        idleTimeout.arm(ctx.executor(), millis, () -> {
            if (!busy && !closing && pending.isEmpty()) {
                fatal(inBlock
                        ? new SqlException(SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT, "terminating connection due to idle-in-transaction timeout")
                        : new SqlException(SqlState.IDLE_SESSION_TIMEOUT, "terminating connection due to idle-session timeout"));
            }
        });
    }

    /**
     * DataRows for rows [from, to). A row whose value a codec cannot encode is cut out of the
     * buffer before the exception leaves, so the client never sees half a message.
     */
    void writeDataRows(List<Object[]> rows, int from, int to, PgType[] types, int[] typmods, FormatCode[] formats) {
        for (int i = from; i < to; i++) {
            ByteBuf buffer = out.buffer();
            int mark = buffer.writerIndex();
            try {
                DataRow.write(buffer, rows.get(i), types, typmods, formats, parameters.timeZone());
            } catch (RuntimeException e) {
                buffer.writerIndex(mark);
                throw e;
            }
            out.spillIfLarge();
        }
    }
}
