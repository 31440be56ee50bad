package dev.amelie.pgwire.server;

import dev.amelie.pgwire.admission.ConnectionPolicy;
import dev.amelie.pgwire.admission.ConnectionSlots;
import dev.amelie.pgwire.codec.FrontendMessageDecoder;
import dev.amelie.pgwire.session.QueryEngine;
import dev.amelie.pgwire.session.Session;
import dev.amelie.pgwire.session.SessionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import dev.amelie.pgwire.message.ErrorResponse;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL protocol endpoint: a Netty server whose host event loops own the client
 * connections, one {@link Session} per connection, pinned to one event loop for its life.
 *
 * <p>Usage: {@code new PgServer(host, port, hosts, engine)}, {@link #start()}, later
 * {@link #close()}. Port 0 takes any free port; {@link #port()} says which.
 */
public final class PgServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PgServer.class);
    private static final long QUIET_PERIOD_MILLIS = 100;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 5_000;

    private final String host;
    private final int requestedPort;
    private final int hostThreads;
    private final QueryEngine engine;
    private final SessionRegistry sessions = new SessionRegistry();
    private volatile dev.amelie.pgwire.auth.Authentication authentication = dev.amelie.pgwire.auth.Authentication.NONE;
    private final ConnectionPolicy policy;
    private final ConnectionSlots slots;

    private EventLoopGroup acceptorGroup;
    private EventLoopGroup hostGroup;
    private ChannelGroup clientChannels;
    private Channel listenChannel;

    /**
     * @param hostThreads number of host event loops (the {@code hosts} setting); each serves
     *                    many connections
     */
    public PgServer(String host, int port, int hostThreads, QueryEngine engine) {
        this(host, port, hostThreads, engine, ConnectionPolicy.DEFAULT);
    }

    /** @param policy TLS and the connection limit */
    public PgServer(String host, int port, int hostThreads, QueryEngine engine, ConnectionPolicy policy) {
        if (hostThreads < 1) {
            throw new IllegalArgumentException("hostThreads must be at least 1, was " + hostThreads);
        }
        this.host = host;
        this.requestedPort = port;
        this.hostThreads = hostThreads;
        this.engine = engine;
        this.policy = policy;
        this.slots = new ConnectionSlots(policy.maxConnections());
    }

    /** How connections authenticate from now on (before {@link #start()}); default: everyone trusted. */
    public PgServer authentication(dev.amelie.pgwire.auth.Authentication authentication) {
        this.authentication = authentication;
        return this;
    }

    /**
     * Binds the listen socket. Throws {@link UncheckedIOException} when the address cannot be
     * bound (port taken, unknown host), after releasing the threads it started.
     */
    public synchronized void start() {
        if (listenChannel != null) {
            throw new IllegalStateException("already started");
        }
        acceptorGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        java.util.concurrent.atomic.AtomicInteger nextHost = new java.util.concurrent.atomic.AtomicInteger();
        // Named so that SHOW HOSTS, thread dumps and profiles say which host a thread is.
        hostGroup = new MultiThreadIoEventLoopGroup(hostThreads, (Runnable r) -> new io.netty.util.concurrent.FastThreadLocalThread(
                r, SessionRegistry.HOST_THREAD_PREFIX + nextHost.getAndIncrement()), NioIoHandler.newFactory());
        sessions.hostThreads(hostThreads);
        clientChannels = new DefaultChannelGroup("pgwire-clients", GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptorGroup, hostGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        clientChannels.add(channel);
                        channel.pipeline().addLast("decoder", new FrontendMessageDecoder());
                        channel.pipeline().addLast("session", new Session(engine, sessions, authentication, policy, slots));
                    }
                });
        ChannelFuture bound = bootstrap.bind(host, requestedPort).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDownGroups();
            Throwable cause = bound.cause();
            String where = host + ":" + requestedPort;
            throw cause instanceof IOException io
                    ? new UncheckedIOException("cannot listen on " + where + ": " + io.getMessage(), io)
                    : new IllegalStateException("cannot listen on " + where, cause);
        }
        listenChannel = bound.channel();
        log.info("pgwire listening on {}:{} with {} host threads, max_connections {}, TLS {}", host, port(), hostThreads,
                policy.maxConnections(), policy.tls() == null ? "off" : (policy.requireTls() ? "required" : "on")
                        + " (" + policy.tls().certificateFile() + ")");
    }

    /** The bound port (useful when the requested port was 0). */
    public int port() {
        if (listenChannel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) listenChannel.localAddress()).getPort();
    }

    /** The live sessions, by BackendKeyData. */
    public SessionRegistry sessions() {
        return sessions;
    }

    /**
     * Stops accepting, closes every client connection, and waits for the event loops to
     * finish what they have queued. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (listenChannel == null) {
            return;
        }
        listenChannel.close().awaitUninterruptibly();
        // PostgreSQL's fast shutdown: every client learns why its connection ends (57P01).
        SqlException shutdown = new SqlException(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command");
        for (Channel client : clientChannels) {
            if (client.isActive()) {
                io.netty.buffer.ByteBuf out = client.alloc().buffer();
                ErrorResponse.write(out, ErrorResponse.FATAL, shutdown);
                client.writeAndFlush(out).awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
            }
        }
        clientChannels.close().awaitUninterruptibly();
        shutDownGroups();
        listenChannel = null;
        log.info("pgwire stopped");
    }

    private void shutDownGroups() {
        acceptorGroup.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        hostGroup.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        acceptorGroup.terminationFuture().awaitUninterruptibly();
        hostGroup.terminationFuture().awaitUninterruptibly();
    }
}
