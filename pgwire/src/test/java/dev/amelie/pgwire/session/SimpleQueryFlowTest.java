package dev.amelie.pgwire.session;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.amelie.pgwire.session.FrontendBytes.all;
import static dev.amelie.pgwire.session.FrontendBytes.query;
import static dev.amelie.pgwire.session.WireTestClient.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleQueryFlowTest {
    private final FakeQueryEngine engine = new FakeQueryEngine();
    private final WireTestClient client = WireTestClient.started(engine);

    @Test
    void twoStatementsRunAsOneTransactionAndCompleteInOrder() {
        client.send(query("select 1; insert into t values (1)"));
        List<BackendMessage> messages = client.receive();

        assertEquals("TDCCZ", types(messages));
        BackendMessage.Field field = messages.getFirst().rowDescription().getFirst();
        assertEquals(new BackendMessage.Field("?column?", 0, 0, 23, 4, -1, 0), field);
        assertEquals(List.of("1"), messages.get(1).textValues());
        assertEquals("SELECT 1", messages.get(2).text());
        assertEquals("INSERT 0 1", messages.get(3).text());
        assertEquals(List.of(List.of("select 1", "insert into t values (1)")), engine.executions());
    }

    @Test
    void emptyQueryAnswersEmptyQueryResponse() {
        client.send(query("  ;; "));
        assertEquals("IZ", types(client.receive()));
        assertTrue(engine.executions().isEmpty());
    }

    @Test
    void errorMidMessageSendsEarlierResultsThenErrorAndTheSessionGoesOn() {
        client.send(query("select 1; fail; select 2"));
        List<BackendMessage> messages = client.receive();

        assertEquals("TDCEZ", types(messages));
        assertEquals("22012", messages.get(3).sqlState());
        assertEquals("ERROR", messages.get(3).fields().get('S'));
        assertEquals("division by zero", messages.get(3).fields().get('M'));

        client.send(query("select 2"));
        List<BackendMessage> next = client.receive();
        assertEquals("TDCZ", types(next));
        assertEquals(List.of("2"), next.get(1).textValues());
    }

    @Test
    void syntaxErrorAnywhereRunsNothing() {
        client.send(query("insert into t values (1); selec 2"));
        List<BackendMessage> messages = client.receive();
        assertEquals("EZ", types(messages));
        assertEquals("42601", messages.getFirst().sqlState());
        assertEquals("1", messages.getFirst().fields().get('P'));
        assertTrue(engine.executions().isEmpty());
    }

    @Test
    void setOfReportedParameterSendsParameterStatusBeforeReadyForQueryOnlyWhenChanged() {
        client.send(query("set application_name = 'x'; select 1"));
        List<BackendMessage> messages = client.receive();
        assertEquals("CTDCSZ", types(messages));
        assertEquals("SET", messages.getFirst().text());
        assertEquals(Map.entry("application_name", "x"), messages.get(4).parameterStatus());

        client.send(query("set application_name = 'x'"));
        assertEquals("CZ", types(client.receive()));
    }

    @Test
    void showReturnsOneTextColumnNamedAfterTheParameter() {
        client.send(query("show datestyle"));
        List<BackendMessage> messages = client.receive();
        assertEquals("TDCZ", types(messages));
        assertEquals(new BackendMessage.Field("DateStyle", 0, 0, 25, -1, -1, 0), messages.getFirst().rowDescription().getFirst());
        assertEquals(List.of("ISO, MDY"), messages.get(1).textValues());
        assertEquals("SHOW", messages.get(2).text());
    }

    @Test
    void showAllListsNameSettingDescription() {
        client.send(query("show all"));
        List<BackendMessage> messages = client.receive();
        assertEquals(List.of("name", "setting", "description"),
                messages.getFirst().rowDescription().stream().map(BackendMessage.Field::name).toList());
        assertTrue(messages.stream().filter(m -> m.type() == 'D')
                .anyMatch(m -> m.textValues().subList(0, 2).equals(List.of("server_version", "15.0"))));
        assertEquals("SHOW", messages.get(messages.size() - 2).text());
    }

    @Test
    void unknownParametersAre42704() {
        client.send(query("set nonsense = 1"));
        BackendMessage error = client.receive().getFirst();
        assertEquals("42704", error.sqlState());
        assertEquals("unrecognized configuration parameter \"nonsense\"", error.fields().get('M'));

        client.send(query("show nonsense"));
        assertEquals("42704", client.receive().getFirst().sqlState());
    }

    @Test
    void customPlaceholderParametersCanBeSetAndShown() {
        client.send(query("set myapp.flag = 'on'; show myapp.flag"));
        List<BackendMessage> messages = client.receive();
        assertEquals(List.of("on"), messages.get(2).textValues());
    }

    @Test
    void badValuesAreRefusedAsPostgresDoes() {
        client.send(query("set client_encoding = 'LATIN1'"));
        assertEquals("22023", client.receive().getFirst().sqlState());
        client.send(query("set extra_float_digits = 5"));
        BackendMessage range = client.receive().getFirst();
        assertEquals("5 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)", range.fields().get('M'));
        client.send(query("set server_version = '16'"));
        assertEquals("parameter \"server_version\" cannot be changed", client.receive().getFirst().fields().get('M'));
        client.send(query("set DateStyle = 'German'"));
        List<BackendMessage> messages = client.receive();
        assertEquals(Map.entry("DateStyle", "German, DMY"), messages.get(1).parameterStatus());
    }

    @Test
    void failedMessageUndoesItsSet() {
        client.send(query("set application_name = 'temp'; fail"));
        List<BackendMessage> messages = client.receive();
        assertEquals("CEZ", types(messages), "no ParameterStatus: the SET was rolled back");

        client.send(query("show application_name"));
        assertEquals(List.of(""), client.receive().get(1).textValues());
    }

    @Test
    void resetReturnsToTheStartupValue() {
        client.send(query("set TimeZone = 'UTC'; reset timezone; show TimeZone"));
        List<BackendMessage> messages = client.receive();
        assertEquals("CCTDCZ", types(messages), "no ParameterStatus: the value ended where it started");
        assertEquals(List.of("Etc/UTC"), messages.get(3).textValues());
    }

    @Test
    void pipelinedQueriesWaitForTheTransactionInFlight() {
        engine.holdExecutions();
        client.send(all(query("select 1"), query("select 2")));

        assertEquals(0, client.receiveBytes().length, "nothing before the first transaction completes");
        assertEquals(1, engine.executions().size(), "the second query waits in the session");

        engine.releaseExecutions();
        List<BackendMessage> messages = client.receive();
        assertEquals("TDCZTDCZ", types(messages));
        assertEquals(List.of("1"), messages.get(1).textValues());
        assertEquals(List.of("2"), messages.get(5).textValues());
    }

    @Test
    void engineFailureIsXX000WithoutDetailsAndTheSessionGoesOn() {
        client.send(query("boom"));
        List<BackendMessage> messages = client.receive();
        assertEquals("EZ", types(messages));
        assertEquals("XX000", messages.getFirst().sqlState());
        assertEquals("internal error", messages.getFirst().fields().get('M'));

        client.send(query("select 3"));
        assertEquals("TDCZ", types(client.receive()));
    }

    @Test
    void valueACodecCannotWriteNeverLeavesHalfARow() {
        client.send(query("badvalue"));
        List<BackendMessage> messages = client.receive();
        assertEquals("TDEZ", types(messages));
        assertEquals("XX000", messages.get(2).sqlState());
    }

    @Test
    void typedRowIsWrittenInPostgresTextForms() {
        client.send(query("typed"));
        List<BackendMessage> messages = client.receive();
        assertEquals(List.of(16, 21, 23, 20, 701, 1700, 25, 25),
                messages.getFirst().rowDescription().stream().map(BackendMessage.Field::typeOid).toList());
        assertEquals(List.of("t", "7", "42", "1000000000000", "1.5", "12345.678", "héllo", "u"), messages.get(1).textValues());
        assertTrue(messages.get(2).textValues().stream().allMatch(v -> v == null));
        assertNull(messages.get(2).values().getFirst());
    }

    @Test
    void malformedBodyInAnIntactFrameIsAn08P01ErrorAndTheSessionGoesOn() {
        // PostgreSQL's pqformat.c raises ERROR (not FATAL) for a bad message body.
        client.send(FrontendBytes.typed('Q', io.netty.buffer.Unpooled.buffer().writeBytes("no terminator".getBytes())));
        List<BackendMessage> messages = client.receive();
        assertEquals("EZ", types(messages));
        assertEquals("08P01", messages.getFirst().sqlState());
        assertEquals("ERROR", messages.getFirst().fields().get('S'));
        assertTrue(client.channel.isOpen());
        client.send(query("select 1"));
        assertEquals("TDCZ", types(client.receive()));
    }

    @Test
    void brokenFramingIsFatal08P01AndClosesOnlyThisConnection() {
        WireTestClient other = WireTestClient.started(new FakeQueryEngine());
        client.send(io.netty.buffer.Unpooled.buffer().writeByte('Q').writeInt(2));
        List<BackendMessage> messages = client.receive();
        assertEquals("E", types(messages));
        assertEquals("08P01", messages.getFirst().sqlState());
        assertEquals("FATAL", messages.getFirst().fields().get('S'));
        assertFalse(client.channel.isOpen());

        other.send(query("select 1"));
        assertEquals("TDCZ", types(other.receive()));
    }

    @Test
    void unknownMessageTypeIsFatal08P01() {
        client.send(FrontendBytes.typed('?', io.netty.buffer.Unpooled.buffer()));
        BackendMessage error = client.receive().getFirst();
        assertEquals("invalid frontend message type 63", error.fields().get('M'));
        assertFalse(client.channel.isOpen());
    }

    @Test
    void terminateClosesTheConnection() {
        client.send(FrontendBytes.terminate());
        assertFalse(client.channel.isOpen());
    }
}
