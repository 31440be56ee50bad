package dev.amelie.pgwire.session;

import dev.amelie.pgwire.codec.FrontendMessageDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * A session on Netty's EmbeddedChannel: bytes in as a client sends them, messages out as the
 * server wrote them. Pending event-loop tasks (the hop back after execute) run on every send.
 */
public final class WireTestClient {
    public final EmbeddedChannel channel;
    public final SessionRegistry registry = new SessionRegistry();

    public WireTestClient(QueryEngine engine) {
        channel = new EmbeddedChannel(new FrontendMessageDecoder(), new Session(engine, registry));
    }

    /** A session under a server's TLS policy and connection limit ({@code slots} shared by the clients of one "server"). */
    public WireTestClient(QueryEngine engine, dev.amelie.pgwire.admission.ConnectionPolicy policy,
                          dev.amelie.pgwire.admission.ConnectionSlots slots) {
        channel = new EmbeddedChannel(new FrontendMessageDecoder(), new Session(engine, registry, policy, slots));
    }

    /** A client that has completed startup; the startup messages are consumed. */
    public static WireTestClient started(QueryEngine engine) {
        WireTestClient client = new WireTestClient(engine);
        client.send(FrontendBytes.startup(Map.of("user", "tester", "database", "db")));
        List<BackendMessage> startup = client.receive();
        if (startup.isEmpty() || startup.getLast().type() != 'Z') {
            throw new AssertionError("startup did not end with ReadyForQuery: " + startup);
        }
        return client;
    }

    public void send(ByteBuf... messages) {
        for (ByteBuf message : messages) {
            channel.writeInbound(message);
        }
        channel.runPendingTasks();
    }

    /** Everything written since the last call, as raw bytes. */
    public byte[] receiveBytes() {
        channel.runPendingTasks();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            buf.release();
            bytes.writeBytes(b);
        }
        return bytes.toByteArray();
    }

    public List<BackendMessage> receive() {
        return BackendMessage.split(receiveBytes());
    }

    /** Message types in order, e.g. "TDCZ". */
    public static String types(List<BackendMessage> messages) {
        StringBuilder sb = new StringBuilder();
        messages.forEach(m -> sb.append(m.type()));
        return sb.toString();
    }
}
