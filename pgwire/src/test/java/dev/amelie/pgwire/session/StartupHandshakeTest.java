package dev.amelie.pgwire.session;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.amelie.pgwire.session.WireTestClient.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupHandshakeTest {
    private final WireTestClient client = new WireTestClient(new FakeQueryEngine());

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void sslRequestGetsNThenStartupReportsParametersInPostgresOrder() {
        client.send(FrontendBytes.sslRequest());
        assertArrayEquals(new byte[] {'N'}, client.receiveBytes());

        client.send(FrontendBytes.startup(params("user", "alice", "database", "db", "application_name", "psql")));
        List<BackendMessage> messages = client.receive();

        assertEquals("RSSSSSSSSSSSSSSKZ", types(messages));
        assertArrayEquals(new byte[] {0, 0, 0, 0}, messages.getFirst().body());
        List<Map.Entry<String, String>> statuses = messages.stream()
                .filter(m -> m.type() == 'S').map(BackendMessage::parameterStatus).toList();
        assertEquals(List.of(
                Map.entry("application_name", "psql"),
                Map.entry("client_encoding", "UTF8"),
                Map.entry("DateStyle", "ISO, MDY"),
                Map.entry("default_transaction_read_only", "off"),
                Map.entry("in_hot_standby", "off"),
                Map.entry("integer_datetimes", "on"),
                Map.entry("IntervalStyle", "postgres"),
                Map.entry("is_superuser", "on"),
                Map.entry("server_encoding", "UTF8"),
                Map.entry("server_version", "15.0"),
                Map.entry("session_authorization", "alice"),
                Map.entry("standard_conforming_strings", "on"),
                Map.entry("TimeZone", "Etc/UTC"),
                Map.entry("amelie_version", "0.1.0")), statuses);

        ByteBuffer key = ByteBuffer.wrap(messages.get(messages.size() - 2).body());
        int processId = key.getInt();
        int secret = key.getInt();
        assertTrue(client.registry.find(processId, secret).isPresent(), "session registered by its BackendKeyData");
        assertArrayEquals(new byte[] {'I'}, messages.getLast().body());
    }

    @Test
    void gssEncRequestGetsN() {
        client.send(FrontendBytes.gssEncRequest());
        assertArrayEquals(new byte[] {'N'}, client.receiveBytes());
        client.send(FrontendBytes.startup(params("user", "u")));
        assertEquals('Z', client.receive().getLast().type());
    }

    @Test
    void clientValuesOverrideDefaultsNormalizedAsPostgresDoes() {
        client.send(FrontendBytes.startup(params("user", "u", "DateStyle", "ISO", "TimeZone", "europe/berlin",
                "client_encoding", "utf-8", "extra_float_digits", "3", "options", "-c search_path=s1 --statement-timeout=90s")));
        Map<String, String> statuses = new LinkedHashMap<>();
        client.receive().stream().filter(m -> m.type() == 'S')
                .forEach(m -> statuses.put(m.parameterStatus().getKey(), m.parameterStatus().getValue()));
        assertEquals("ISO, MDY", statuses.get("DateStyle"));
        assertEquals("Europe/Berlin", statuses.get("TimeZone"));
        assertEquals("UTF8", statuses.get("client_encoding"));

        client.send(FrontendBytes.query("show search_path; show statement_timeout; show extra_float_digits"));
        List<String> values = client.receive().stream().filter(m -> m.type() == 'D').map(m -> m.textValues().getFirst()).toList();
        assertEquals(List.of("s1", "90s", "3"), values);
    }

    @Test
    void newerMinorVersionAndProtocolOptionsAreNegotiatedDownTo30() {
        client.send(FrontendBytes.startup(3, 2, params("user", "u", "_pq_.compression", "on")));
        List<BackendMessage> messages = client.receive();
        BackendMessage negotiate = messages.getFirst();
        assertEquals('v', negotiate.type());
        ByteBuffer body = ByteBuffer.wrap(negotiate.body());
        assertEquals(0x0003_0000, body.getInt());
        assertEquals(1, body.getInt());
        assertEquals("_pq_.compression", new String(negotiate.body(), 8, negotiate.body().length - 9));
        assertEquals('R', messages.get(1).type());
        assertEquals('Z', messages.getLast().type());
        assertTrue(client.channel.isOpen());
    }

    @Test
    void protocolMajorVersionOtherThan3IsFatal0A000() {
        client.send(FrontendBytes.startup(2, 0, params("user", "u")));
        List<BackendMessage> messages = client.receive();
        assertEquals("E", types(messages));
        assertEquals("FATAL", messages.getFirst().fields().get('S'));
        assertEquals("0A000", messages.getFirst().sqlState());
        assertFalse(client.channel.isOpen());
    }

    @Test
    void missingUserIsFatal28000() {
        client.send(FrontendBytes.startup(params("database", "db")));
        BackendMessage error = client.receive().getFirst();
        assertEquals("28000", error.sqlState());
        assertEquals("FATAL", error.fields().get('V'));
        assertFalse(client.channel.isOpen());
    }

    @Test
    void unknownStartupParameterIsFatal42704() {
        client.send(FrontendBytes.startup(params("user", "u", "no_such_setting", "1")));
        BackendMessage error = client.receive().getFirst();
        assertEquals("42704", error.sqlState());
        assertEquals("unrecognized configuration parameter \"no_such_setting\"", error.fields().get('M'));
        assertFalse(client.channel.isOpen());
    }

    @Test
    void oversizedStartupPacketIsFatal08P01() {
        io.netty.buffer.ByteBuf packet = io.netty.buffer.Unpooled.buffer().writeInt(10_001).writeInt(196608);
        client.send(packet);
        BackendMessage error = client.receive().getFirst();
        assertEquals("08P01", error.sqlState());
        assertFalse(client.channel.isOpen());
    }

    @Test
    void cancelRequestClosesTheConnectionWithoutAnswer() {
        client.send(FrontendBytes.cancelRequest(1, 2));
        assertEquals(0, client.receiveBytes().length);
        assertFalse(client.channel.isOpen());
    }

    @Test
    void processIdsIncreasePerConnection() {
        WireTestClient first = WireTestClient.started(new FakeQueryEngine());
        assertEquals(1, first.registry.size());
        SessionRegistry shared = new SessionRegistry();
        Session a = new Session(new FakeQueryEngine(), shared);
        Session b = new Session(new FakeQueryEngine(), shared);
        BackendKey ka = shared.register(a);
        BackendKey kb = shared.register(b);
        assertTrue(kb.processId() > ka.processId());
        first.channel.close();
        assertEquals(0, first.registry.size(), "closed sessions leave the registry");
    }
}
