package dev.amelie.pgwire.session;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.amelie.pgwire.session.FrontendBytes.all;
import static dev.amelie.pgwire.session.FrontendBytes.bind;
import static dev.amelie.pgwire.session.FrontendBytes.close;
import static dev.amelie.pgwire.session.FrontendBytes.describe;
import static dev.amelie.pgwire.session.FrontendBytes.execute;
import static dev.amelie.pgwire.session.FrontendBytes.flush;
import static dev.amelie.pgwire.session.FrontendBytes.parse;
import static dev.amelie.pgwire.session.FrontendBytes.query;
import static dev.amelie.pgwire.session.FrontendBytes.sync;
import static dev.amelie.pgwire.session.WireTestClient.types;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtendedQueryFlowTest {
    private static final int INT4 = 23;
    private static final int INT8 = 20;
    private static final int TEXT = 25;

    private final FakeQueryEngine engine = new FakeQueryEngine();
    private final WireTestClient client = WireTestClient.started(engine);

    @Test
    void parseBindDescribeExecuteSyncWithTextParameters() {
        client.send(all(parse("", "select $1::int4, $2::text"), bind("", "", new String[] {" 42 ", "hi"}),
                describe('P', ""), execute("", 0), sync()));
        List<BackendMessage> messages = client.receive();

        assertEquals("12TDCZ", types(messages));
        assertEquals(List.of(INT4, TEXT), messages.get(2).rowDescription().stream().map(BackendMessage.Field::typeOid).toList());
        assertEquals(List.of("42", "hi"), messages.get(3).textValues());
        assertEquals("SELECT 1", messages.get(4).text());
    }

    @Test
    void describeStatementSendsParameterDescriptionThenRowDescriptionOrNoData() {
        client.send(all(parse("s1", "select $1", INT8), describe('S', "s1"),
                parse("s2", "insert into t values (1)"), describe('S', "s2"), sync()));
        List<BackendMessage> messages = client.receive();

        assertEquals("1tT1tnZ", types(messages));
        assertEquals(List.of(INT8), messages.get(1).parameterOids());
        assertEquals(new BackendMessage.Field("?column?", 0, 0, INT8, 8, -1, 0), messages.get(2).rowDescription().getFirst());
        assertEquals(List.of(), messages.get(4).parameterOids());
    }

    @Test
    void binaryParametersAndBinaryResults() {
        byte[][] values = {
                {1},
                ByteBuffer.allocate(2).putShort((short) -7).array(),
                ByteBuffer.allocate(4).putInt(123456).array(),
                ByteBuffer.allocate(8).putLong(-9_000_000_000L).array(),
                ByteBuffer.allocate(8).putDouble(0.1).array(),
                "héllo".getBytes(StandardCharsets.UTF_8),
                // numeric_send(12345.678) from PostgreSQL 15
                {0, 3, 0, 1, 0, 0, 0, 3, 0, 1, 0x09, 0x29, 0x1a, 0x7c},
                null};
        client.send(all(
                parse("", "select $1::bool, $2::int2, $3::int4, $4::int8, $5::float8, $6::text, $7::numeric, $8::int4"),
                bind("", "", new int[] {1}, values, 1),
                describe('P', ""), execute("", 0), sync()));
        List<BackendMessage> messages = client.receive();

        assertEquals("12TDCZ", types(messages));
        assertTrue(messages.get(2).rowDescription().stream().allMatch(f -> f.format() == 1));
        List<byte[]> row = messages.get(3).values();
        for (int i = 0; i < values.length; i++) {
            assertArrayEquals(values[i], row.get(i), "column " + (i + 1) + " round-trips in binary");
        }
    }

    @Test
    void mixedParameterFormatsAndPerColumnResultFormats() {
        client.send(all(parse("", "select $1::int4, $2::float8"),
                bind("", "", new int[] {0, 1}, new byte[][] {"5".getBytes(), ByteBuffer.allocate(8).putDouble(2.5).array()}, 1, 0),
                execute("", 0), sync()));
        List<BackendMessage> messages = client.receive();
        List<byte[]> row = messages.get(2).values();
        assertArrayEquals(new byte[] {0, 0, 0, 5}, row.get(0));
        assertEquals("2.5", new String(row.get(1), StandardCharsets.US_ASCII));
    }

    @Test
    void executeWithRowLimitSuspendsThenCompletesAsPostgresDoes() {
        client.send(all(parse("", "rows 5"), bind("", "", new String[0]),
                execute("", 2), execute("", 2), execute("", 2), execute("", 2), sync()));
        List<BackendMessage> messages = client.receive();

        // Sequence and tags captured from PostgreSQL 15 for "select * from generate_series(1,5)".
        assertEquals("12DDsDDsDCCZ", types(messages));
        assertEquals(List.of("5"), messages.get(8).textValues());
        assertEquals("SELECT 1", messages.get(9).text());
        assertEquals("SELECT 0", messages.get(10).text());
        assertEquals(1, engine.executions().size(), "the statement ran once");
    }

    @Test
    void reExecutingAFinishedCommandPortalIs55000() {
        client.send(all(parse("", "insert into t values (1)"), bind("", "", new String[0]),
                execute("", 0), execute("", 0), sync()));
        List<BackendMessage> messages = client.receive();
        assertEquals("12CEZ", types(messages));
        assertEquals("portal \"\" cannot be run", messages.get(3).fields().get('M'));
    }

    @Test
    void errorInBindSkipsMessagesUntilSync() {
        client.send(all(parse("", "select $1::int4, $2::int4"), bind("", "", new String[] {"1"}),
                describe('P', ""), execute("", 0), parse("x", "select 1"), flush(), sync()));
        List<BackendMessage> messages = client.receive();

        assertEquals("1EZ", types(messages));
        assertEquals("08P01", messages.get(1).sqlState());
        assertEquals("bind message supplies 1 parameters, but prepared statement \"\" requires 2",
                messages.get(1).fields().get('M'));

        client.send(all(bind("", "", new String[] {"1", "2"}), execute("", 0), sync()));
        assertEquals("2DCZ", types(client.receive()), "the unnamed statement survives Sync; skipping ended");
        client.send(all(describe('S', "x"), sync()));
        assertEquals("26000", client.receive().getFirst().sqlState(), "Parse of x was skipped");
    }

    @Test
    void badTextParametersUsePostgresMessages() {
        client.send(all(parse("", "select $1::int4"), bind("", "", new String[] {"abc"}), sync()));
        BackendMessage error = client.receive().get(1);
        assertEquals("22P02", error.sqlState());
        assertEquals("invalid input syntax for type integer: \"abc\"", error.fields().get('M'));

        client.send(all(parse("", "select $1::int2"), bind("", "", new String[] {"99999"}), sync()));
        error = client.receive().get(1);
        assertEquals("22003", error.sqlState());
        assertEquals("value \"99999\" is out of range for type smallint", error.fields().get('M'));

        client.send(all(parse("", "select $1::int4"), bind("", "", new int[] {1}, new byte[][] {{1, 2}}), sync()));
        error = client.receive().get(1);
        assertEquals("22P03", error.sqlState());
        assertEquals("incorrect binary data format in bind parameter 1", error.fields().get('M'));
    }

    @Test
    void resultFormatCountMismatchIs08P01() {
        client.send(all(parse("", "select $1::int4"), bind("", "", new String[] {"1"}, 0, 0), sync()));
        assertEquals("bind message has 2 result formats but query has 1 columns", client.receive().get(1).fields().get('M'));
    }

    @Test
    void namedStatementsAndPortalsFollowPostgresRules() {
        client.send(all(parse("a", "select 1"), parse("a", "select 2"), sync()));
        List<BackendMessage> messages = client.receive();
        assertEquals("1EZ", types(messages));
        assertEquals("prepared statement \"a\" already exists", messages.get(1).fields().get('M'));

        client.send(all(bind("p", "a", new String[0]), bind("p", "a", new String[0]), sync()));
        messages = client.receive();
        assertEquals("2EZ", types(messages));
        assertEquals("42P03", messages.get(1).sqlState());

        client.send(all(execute("p", 0), close('P', "p"), close('S', "a"), close('S', "never"), sync()));
        assertEquals("DC333Z", types(client.receive()), "a named portal outlives Sync; closing a missing one is fine");

        client.send(all(bind("", "a", new String[0]), sync()));
        assertEquals("26000", client.receive().getFirst().sqlState());
    }

    @Test
    void unnamedPortalEndsAtSync() {
        client.send(all(parse("", "select 1"), bind("", "", new String[0]), sync(), execute("", 0), sync()));
        List<BackendMessage> messages = client.receive();
        assertEquals("12ZEZ", types(messages));
        assertEquals("portal \"\" does not exist", messages.get(3).fields().get('M'));
    }

    @Test
    void simpleQueryDropsTheUnnamedStatement() {
        client.send(all(parse("", "select 1"), sync()));
        client.receive();
        client.send(query("select 2"));
        client.receive();
        client.send(all(bind("", "", new String[0]), sync()));
        assertEquals("unnamed prepared statement does not exist", client.receive().getFirst().fields().get('M'));
    }

    @Test
    void emptyStatementAnswersEmptyQueryResponse() {
        client.send(all(parse("", ""), bind("", "", new String[0]), describe('P', ""), execute("", 0), sync()));
        assertEquals("12nIZ", types(client.receive()));
    }

    @Test
    void multipleCommandsCannotBePrepared() {
        client.send(all(parse("", "select 1; select 2"), sync()));
        BackendMessage error = client.receive().getFirst();
        assertEquals("cannot insert multiple commands into a prepared statement", error.fields().get('M'));
    }

    @Test
    void executionErrorSkipsUntilSync() {
        client.send(all(parse("", "fail"), bind("", "", new String[0]), execute("", 0),
                parse("", "select 1"), bind("", "", new String[0]), execute("", 0), sync()));
        List<BackendMessage> messages = client.receive();
        assertEquals("12EZ", types(messages));
        assertEquals("22012", messages.get(2).sqlState());
    }

    @Test
    void setThroughExtendedProtocolReportsAtSync() {
        client.send(all(parse("", "set application_name = 'jdbc'"), bind("", "", new String[0]), execute("", 0), sync()));
        List<BackendMessage> messages = client.receive();
        assertEquals("12CSZ", types(messages));
        assertEquals(Map.entry("application_name", "jdbc"), messages.get(3).parameterStatus());
    }

    @Test
    void showThroughExtendedProtocolDescribesItsColumn() {
        client.send(all(parse("", "show TimeZone"), describe('S', ""), bind("", "", new String[0]), execute("", 0), sync()));
        List<BackendMessage> messages = client.receive();
        assertEquals("1tT2DCZ", types(messages));
        assertEquals("TimeZone", messages.get(2).rowDescription().getFirst().name());
        assertEquals(List.of("Etc/UTC"), messages.get(4).textValues());
    }

    @Test
    void flushSendsWithoutWaitingForSync() {
        client.send(all(parse("", "select 1"), flush()));
        assertEquals("1", types(client.receive()));
    }

    @Test
    void pipelinedExecutesRunInOrder() {
        engine.holdExecutions();
        client.send(all(parse("", "select $1::int4"), bind("", "", new String[] {"1"}), execute("", 0),
                bind("", "", new String[] {"2"}), execute("", 0), sync()));
        assertEquals(0, client.receiveBytes().length);
        assertEquals(1, engine.heldExecutions());

        engine.releaseExecutions();
        List<BackendMessage> messages = client.receive();
        assertEquals("12DC2DCZ", types(messages));
        assertEquals(List.of("1"), messages.get(2).textValues());
        assertEquals(List.of("2"), messages.get(5).textValues());
        assertEquals(List.of(List.of("select $1::int4", "select $1::int4")), engine.executions(),
                "a batch up to Sync is one transaction");
    }

    @Test
    void messagesAfterAFailedExecuteOfTheBatchAreSkippedAndTakeNoEffect() {
        client.send(all(parse("", "fail"), bind("", "", new String[0]), execute("", 0),
                parse("s9", "select 1"), close('S', "never"), sync()));
        List<BackendMessage> messages = client.receive();
        assertEquals("12EZ", types(messages), "no ParseComplete or CloseComplete after the error");

        client.send(all(parse("s9", "select 2"), sync()));
        assertEquals("1Z", types(client.receive()), "s9 was never prepared, as PostgreSQL skipped its Parse");
    }

    @Test
    void flushAnswersWaitingExecutes() {
        client.send(all(parse("", "select 1"), bind("", "", new String[0]), execute("", 0), flush()));
        assertEquals("12DC", types(client.receive()));
        client.send(sync());
        assertEquals("Z", types(client.receive()));
    }

    @Test
    void numericParameterInTextBecomesBigDecimal() {
        client.send(all(parse("", "select $1::numeric"), bind("", "", new String[] {" -1.50 "}), execute("", 0), sync()));
        assertEquals(List.of(new BigDecimal("-1.50").toPlainString()), client.receive().get(2).textValues());
    }
}
