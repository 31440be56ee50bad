package dev.amelie.pgwire.copy;

import dev.amelie.pgwire.type.PgType;
import dev.amelie.pgwire.type.TypeCodec;
import dev.amelie.planner.copy.CopyOptions;
import dev.amelie.vm.error.SqlException;
import dev.amelie.vm.error.SqlState;
import dev.amelie.vm.type.SqlType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expected values and messages are PostgreSQL 15's for the same input (psql against it). */
class CopyInReaderTest {
    private static final List<String> NAMES = List.of("id", "v", "s");
    private static final List<TypeCodec> CODECS = List.of(PgType.ofResult(SqlType.INTEGER).codec(),
            PgType.ofResult(SqlType.INTEGER).codec(), PgType.ofResult(SqlType.TEXT).codec());

    private static CopyOptions options(String... pairs) {
        List<CopyOptions.Option> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(new CopyOptions.Option(pairs[i], pairs[i + 1], 0));
        }
        return CopyOptions.of(list, true);
    }

    /** Feeds the data in pieces of {@code chunk} bytes, so that lines and escapes straddle CopyData messages. */
    private static List<Object[]> read(CopyOptions options, String data, int chunk) {
        CopyInReader reader = new CopyInReader(options, "t", NAMES, CODECS);
        List<Object[]> rows = new ArrayList<>();
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            reader.feed(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk)), rows::add);
        }
        reader.finish(rows::add);
        return rows;
    }

    private static void assertRows(List<Object[]> rows, Object[]... expected) {
        assertEquals(expected.length, rows.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], rows.get(i), "row " + (i + 1));
        }
    }

    @Test
    void textFormatUnescapesAndReadsNulls() {
        String data = "1\t2\ta\\tb\\\\c\\nd\\101\\x41\\z\n\\N\t1\t\\N\n3\t\\N\t\\\\N\n";
        for (int chunk : new int[] {1, 2, 3, 1000}) {
            assertRows(read(CopyOptions.TEXT, data, chunk),
                    new Object[] {1, 2, "a\tb\\c\ndAAz"},
                    new Object[] {null, 1, null},
                    new Object[] {3, null, "\\N"});
        }
    }

    @Test
    void lastLineNeedsNoNewlineAndEndMarkerEndsTheData() {
        assertRows(read(CopyOptions.TEXT, "1\t2\tx", 1000), new Object[] {1, 2, "x"});
        assertRows(read(CopyOptions.TEXT, "1\t2\tx\n\\.\n9\t9\tignored\n", 1),
                new Object[] {1, 2, "x"});
        // In text format "\." ends the data even after other data on its line.
        assertRows(read(CopyOptions.TEXT, "1\t2\tx\\.\n2\t2\ty\n", 1000), new Object[] {1, 2, "x"});
    }

    @Test
    void crLfLinesAreOneStyle() {
        assertRows(read(CopyOptions.TEXT, "1\t2\tx\r\n2\t3\ty\r\n", 1),
                new Object[] {1, 2, "x"}, new Object[] {2, 3, "y"});
        SqlException e = assertThrows(SqlException.class, () -> read(CopyOptions.TEXT, "1\t2\tx\n2\t3\ty\r\n", 1000));
        assertEquals(SqlState.BAD_COPY_FILE_FORMAT, e.state());
        assertEquals("literal carriage return found in data", e.getMessage());
        assertEquals("COPY t, line 2", e.context());
    }

    @Test
    void badValueNamesLineAndColumn() {
        SqlException e = assertThrows(SqlException.class, () -> read(CopyOptions.TEXT, "1\t2\tx\n2\tzz\ty\n", 3));
        assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, e.state());
        assertEquals("invalid input syntax for type integer: \"zz\"", e.getMessage());
        assertEquals("COPY t, line 2, column v: \"zz\"", e.context());

        SqlException range = assertThrows(SqlException.class, () -> read(CopyOptions.TEXT, "9999999999\t1\tx\n", 1000));
        assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, range.state());
        assertEquals("COPY t, line 1, column id: \"9999999999\"", range.context());
    }

    @Test
    void wrongFieldCountsNameTheLine() {
        SqlException missing = assertThrows(SqlException.class, () -> read(CopyOptions.TEXT, "1\t2\n", 1000));
        assertEquals(SqlState.BAD_COPY_FILE_FORMAT, missing.state());
        assertEquals("missing data for column \"s\"", missing.getMessage());
        assertEquals("COPY t, line 1: \"1\t2\"", missing.context());

        SqlException extra = assertThrows(SqlException.class, () -> read(CopyOptions.TEXT, "1\t2\tx\t4\n", 1000));
        assertEquals("extra data after last expected column", extra.getMessage());
        assertEquals("COPY t, line 1: \"1\t2\tx\t4\"", extra.context());
    }

    @Test
    void csvQuotesHoldDelimitersNewlinesAndQuotes() {
        CopyOptions csv = options("format", "csv");
        String data = "1,2,\"a,b\"\n2,3,\n3,4,\"\"\n4,5,\"l1\nl2\"\n5,6,\"q\"\"x\"\n";
        for (int chunk : new int[] {1, 4, 1000}) {
            assertRows(read(csv, data, chunk),
                    new Object[] {1, 2, "a,b"},
                    new Object[] {2, 3, null},
                    new Object[] {3, 4, ""},
                    new Object[] {4, 5, "l1\nl2"},
                    new Object[] {5, 6, "q\"x"});
        }
    }

    @Test
    void csvHeaderIsSkippedOrMatched() {
        assertRows(read(options("format", "csv", "header", "true"), "whatever,names\n1,2,x\n", 1000),
                new Object[] {1, 2, "x"});
        assertRows(read(options("header", "match"), "id\tv\ts\n1\t2\tx\n", 1000), new Object[] {1, 2, "x"});
        SqlException e = assertThrows(SqlException.class, () -> read(options("header", "match"), "id\tx\ts\n", 1000));
        assertEquals("column name mismatch in header line field 2: got \"x\", expected \"v\"", e.getMessage());
        assertEquals("COPY t, line 1: \"id\tx\ts\"", e.context());
    }

    @Test
    void csvLineNumbersCountQuotedLineBreaksOnceTheLineEndingIsKnown() {
        CopyOptions csvHeader = options("format", "csv", "header", "true");
        SqlException afterHeader = assertThrows(SqlException.class,
                () -> read(csvHeader, "a,b\n1,\"x\ny\",z\n", 1000));
        assertEquals("COPY t, line 3, column v: \"x\ny\"", afterHeader.context());
        SqlException first = assertThrows(SqlException.class, () -> read(options("format", "csv"), "1,\"x\ny\",z\n", 1000));
        assertEquals("COPY t, line 1, column v: \"x\ny\"", first.context());
    }

    @Test
    void unterminatedCsvQuoteIsAnError() {
        SqlException e = assertThrows(SqlException.class, () -> read(options("format", "csv"), "9,90,\"open\n", 1000));
        assertEquals(SqlState.BAD_COPY_FILE_FORMAT, e.state());
        assertEquals("unterminated CSV quoted field", e.getMessage());
        assertEquals("COPY t, line 1: \"9,90,\"open\n\"", e.context());
    }

    @Test
    void otherDelimiterNullAndQuote() {
        CopyOptions csv = options("format", "csv", "delimiter", "|", "null", "NULL", "quote", "'");
        assertRows(read(csv, "18|NULL|'it''s'\n19|190|'NULL'\n", 1000),
                new Object[] {18, null, "it's"}, new Object[] {19, 190, "NULL"});
    }

    @Test
    void invalidUtf8IsRejected() {
        SqlException e = assertThrows(SqlException.class, () -> read(CopyOptions.TEXT, "1\t2\t\\351A\n", 1000));
        assertEquals(SqlState.CHARACTER_NOT_IN_REPERTOIRE, e.state());
        assertEquals("invalid byte sequence for encoding \"UTF8\": 0xe9 0x41", e.getMessage());
        assertRows(read(CopyOptions.TEXT, "1\t2\tünï\n", 1), new Object[] {1, 2, "ünï"});
    }
}
