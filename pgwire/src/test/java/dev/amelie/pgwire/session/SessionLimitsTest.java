package dev.amelie.pgwire.session;

import dev.amelie.pgwire.admission.ConnectionPolicy;
import dev.amelie.pgwire.admission.ConnectionSlots;
import dev.amelie.pgwire.tls.GeneratedCertificate;
import dev.amelie.pgwire.tls.ServerTls;
import io.netty.handler.ssl.SslHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a session refuses or ends on its own: connection slots, require_tls, encryption requests, idle timeouts. */
class SessionLimitsTest {
    private final FakeQueryEngine engine = new FakeQueryEngine();

    private static Map<String, String> user(String name) {
        return Map.of("user", name, "database", "db");
    }

    private static BackendMessage onlyError(List<BackendMessage> messages) {
        assertEquals("E", WireTestClient.types(messages), messages.toString());
        return messages.getFirst();
    }

    @Test
    void theSessionBeyondMaxConnectionsGets53300AndAClosedSlotIsFreeAgain() {
        ConnectionSlots slots = new ConnectionSlots(1);
        WireTestClient first = new WireTestClient(engine, ConnectionPolicy.DEFAULT, slots);
        first.send(FrontendBytes.startup(user("a")));
        assertEquals('Z', first.receive().getLast().type());

        WireTestClient second = new WireTestClient(engine, ConnectionPolicy.DEFAULT, slots);
        second.send(FrontendBytes.startup(user("b")));
        BackendMessage refusal = onlyError(second.receive());
        assertEquals("FATAL", refusal.fields().get('S'));
        assertEquals("53300", refusal.fields().get('C'));
        assertEquals("sorry, too many clients already", refusal.fields().get('M'));
        assertFalse(second.channel.isActive());
        assertEquals(1, slots.taken(), "the refused session gave nothing back it did not take");

        first.channel.close();
        assertEquals(0, slots.taken());
        WireTestClient third = new WireTestClient(engine, ConnectionPolicy.DEFAULT, slots);
        third.send(FrontendBytes.startup(user("c")));
        assertEquals('Z', third.receive().getLast().type());
    }

    @Test
    void requireTlsRefusesAPlainStartupWithPostgresHbaText(@TempDir Path data) throws Exception {
        ServerTls tls = ServerTls.fromPem(GeneratedCertificate.ensure(data), data.resolve(GeneratedCertificate.KEY_FILE));
        WireTestClient client = new WireTestClient(engine, new ConnectionPolicy(tls, true, 10), new ConnectionSlots(10));
        client.send(FrontendBytes.startup(user("alice")));
        BackendMessage refusal = onlyError(client.receive());
        assertEquals("28000", refusal.fields().get('C'));
        assertEquals("no pg_hba.conf entry for host \"[local]\", user \"alice\", database \"db\", no encryption",
                refusal.fields().get('M'));
        assertFalse(client.channel.isActive());
    }

    @Test
    void sslRequestWithACertificateAnswersSAndPutsTlsFirstInThePipeline(@TempDir Path data) throws Exception {
        ServerTls tls = ServerTls.fromPem(GeneratedCertificate.ensure(data), data.resolve(GeneratedCertificate.KEY_FILE));
        WireTestClient client = new WireTestClient(engine, new ConnectionPolicy(tls, false, 10), new ConnectionSlots(10));
        client.send(FrontendBytes.sslRequest());
        assertArrayEquals(new byte[] {'S'}, client.receiveBytes());
        assertInstanceOf(SslHandler.class, client.channel.pipeline().first());
    }

    @Test
    void aSecondEncryptionRequestIsAnUnsupportedProtocolAsInPostmaster() {
        WireTestClient client = new WireTestClient(engine);
        client.send(FrontendBytes.sslRequest());
        assertArrayEquals(new byte[] {'N'}, client.receiveBytes());
        client.send(FrontendBytes.sslRequest());
        BackendMessage refusal = onlyError(client.receive());
        assertEquals("0A000", refusal.fields().get('C'));
        assertEquals("unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0", refusal.fields().get('M'));
    }

    @Test
    void gssEncRequestThenSslRequestAreBothAnsweredN() {
        WireTestClient client = new WireTestClient(engine);
        client.send(FrontendBytes.gssEncRequest());
        assertArrayEquals(new byte[] {'N'}, client.receiveBytes());
        client.send(FrontendBytes.sslRequest());
        assertArrayEquals(new byte[] {'N'}, client.receiveBytes());
        client.send(FrontendBytes.startup(user("u")));
        assertEquals('Z', client.receive().getLast().type());
    }

    @Test
    void idleSessionTimeoutEndsTheConnectionWith57P05OnlyAfterItsTime() {
        WireTestClient client = WireTestClient.started(engine);
        client.send(FrontendBytes.query("set idle_session_timeout = '10min'"));
        assertEquals('Z', client.receive().getLast().type());

        client.channel.advanceTimeBy(9, TimeUnit.MINUTES);
        client.channel.runScheduledPendingTasks();
        assertEquals(0, client.receiveBytes().length);
        // A message disarms the timer; its ReadyForQuery arms it anew.
        client.send(FrontendBytes.query("select 1"));
        assertEquals('Z', client.receive().getLast().type());
        client.channel.advanceTimeBy(9, TimeUnit.MINUTES);
        client.channel.runScheduledPendingTasks();
        assertTrue(client.channel.isActive());
        assertEquals(0, client.receiveBytes().length);

        client.channel.advanceTimeBy(2, TimeUnit.MINUTES);
        client.channel.runScheduledPendingTasks();
        BackendMessage end = onlyError(client.receive());
        assertEquals("FATAL", end.fields().get('S'));
        assertEquals("57P05", end.fields().get('C'));
        assertEquals("terminating connection due to idle-session timeout", end.fields().get('M'));
        assertFalse(client.channel.isActive());
    }
}
