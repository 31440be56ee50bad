package dev.amelie.pgwire.copy;

import dev.amelie.pgwire.type.PgType;
import dev.amelie.pgwire.type.TypeCodec;
import dev.amelie.planner.copy.CopyOptions;
import dev.amelie.vm.type.SqlType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected lines are what PostgreSQL 15 sends for the same rows (psql COPY … TO STDOUT). */
class CopyOutWriterTest {
    private static final List<TypeCodec> CODECS = List.of(PgType.ofResult(SqlType.INTEGER).codec(),
            PgType.ofResult(SqlType.INTEGER).codec(), PgType.ofResult(SqlType.TEXT).codec());
    private static final Object[][] ROWS = {
            {1, null, "a\"b"}, {2, 3, "x,y"}, {3, 4, "l1\nl2"}, {4, 5, ""}, {5, 6, " sp"},
            {6, 7, "tab\there"}, {7, 8, "\\."}, {8, 9, "back\\slash"}, {9, 0, "cr\r"},
    };

    private static CopyOptions options(String... pairs) {
        List<CopyOptions.Option> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(new CopyOptions.Option(pairs[i], pairs[i + 1], 0));
        }
        return CopyOptions.of(list, false);
    }

    /** The CopyData payloads, concatenated. */
    private static String write(CopyOptions options, List<TypeCodec> codecs, Object[][] rows, List<String> header) {
        CopyOutWriter writer = new CopyOutWriter(options, codecs);
        ByteBuf out = Unpooled.buffer();
        if (header != null) {
            writer.writeHeader(out, header);
        }
        for (Object[] row : rows) {
            writer.writeRow(out, row);
        }
        StringBuilder text = new StringBuilder();
        while (out.isReadable()) {
            assertEquals('d', out.readByte());
            int length = out.readInt() - 4;
            text.append(out.readCharSequence(length, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    @Test
    void textFormatEscapes() {
        assertEquals("""
                1\t\\N\ta"b
                2\t3\tx,y
                3\t4\tl1\\nl2
                4\t5\t
                5\t6\t sp
                6\t7\ttab\\there
                7\t8\t\\\\.
                8\t9\tback\\\\slash
                9\t0\tcr\\r
                """, write(CopyOptions.TEXT, CODECS, ROWS, null));
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertEquals("""
                id,v,s
                1,,"a""b"
                2,3,"x,y"
                3,4,"l1
                l2"
                4,5,""
                5,6, sp
                6,7,tab\there
                7,8,\\.
                8,9,back\\slash
                9,0,"cr\r"
                """, write(options("format", "csv", "header", "true"), CODECS, ROWS, List.of("id", "v", "s")));
    }

    @Test
    void csvWithOtherNullDelimiterAndQuote() {
        assertEquals("1;NUL;a\"b\n3;4;'l1\nl2'\n4;5;\n",
                write(options("format", "csv", "delimiter", ";", "null", "NUL", "quote", "'"), CODECS,
                        new Object[][] {ROWS[0], ROWS[2], ROWS[3]}, null));
    }

    @Test
    void loneEndMarkerValueIsQuotedInCsv() {
        assertEquals("\"\\.\"\n", write(options("format", "csv"), List.of(CODECS.get(2)), new Object[][] {{"\\."}}, null));
    }
}
