package dev.amelie.pgwire.copy;

import dev.amelie.pgwire.message.CopyData;
import dev.amelie.pgwire.type.TypeCodec;
import dev.amelie.planner.copy.CopyOptions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes COPY TO STDOUT rows, one CopyData message each, as copyto.c does: values in their
 * type's text form, then escaped for text format (CopyAttributeOutText) or quoted for CSV
 * (CopyAttributeOutCSV); NULL as the NULL string; the line ends with a newline.
 *
 * <p>Works on bytes: every character the escaping looks at is ASCII, and UTF-8 never uses
 * ASCII bytes inside a multi-byte character. Confined to one thread; the scratch buffer is
 * reused for every value.
 */
public final class CopyOutWriter {
    private final CopyOptions options;
    private final TypeCodec[] codecs;
    private final byte[] nullBytes;
    private final ByteBuf scratch = Unpooled.buffer(64);

    /** Timestamptz values are shown in the session's TimeZone. */
    private final java.time.ZoneId zone;

    public CopyOutWriter(CopyOptions options, List<TypeCodec> codecs) {
        this(options, codecs, dev.amelie.vm.value.TimeZoneSetting.DEFAULT.zone());
    }

    public CopyOutWriter(CopyOptions options, List<TypeCodec> codecs, java.time.ZoneId zone) {
        this.zone = zone;
        this.options = options;
        this.codecs = codecs.toArray(TypeCodec[]::new);
        this.nullBytes = options.nullText().getBytes(StandardCharsets.UTF_8);
    }

    /** The header line: the column names, escaped or quoted like values. */
    public void writeHeader(ByteBuf out, List<String> names) {
        int start = CopyData.begin(out);
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.writeByte(options.delimiter());
            }
            scratch.clear();
            ByteBufUtil.writeUtf8(scratch, names.get(i));
            writeField(out, names.size() == 1);
        }
        out.writeByte('\n');
        CopyData.end(out, start);
    }

    public void writeRow(ByteBuf out, Object[] row) {
        int start = CopyData.begin(out);
        for (int i = 0; i < codecs.length; i++) {
            if (i > 0) {
                out.writeByte(options.delimiter());
            }
            Object value = i < row.length ? row[i] : null;
            if (value == null) {
                out.writeBytes(nullBytes);
                continue;
            }
            scratch.clear();
            codecs[i].writeText(scratch, value, zone);
            writeField(out, codecs.length == 1);
        }
        out.writeByte('\n');
        CopyData.end(out, start);
    }

    private void writeField(ByteBuf out, boolean singleColumn) {
        if (options.csv()) {
            writeCsv(out, singleColumn);
        } else {
            writeText(out);
        }
    }

    /** CopyAttributeOutText: control characters as {@code \n}-style escapes; backslash and delimiter backslashed. */
    private void writeText(ByteBuf out) {
        byte delimiter = options.delimiter();
        int end = scratch.writerIndex();
        for (int i = scratch.readerIndex(); i < end; i++) {
            byte c = scratch.getByte(i);
            if (c >= 0 && c < 0x20) {
                byte escaped = switch (c) {
                    case '\b' -> (byte) 'b';
                    case '\f' -> (byte) 'f';
                    case '\n' -> (byte) 'n';
                    case '\r' -> (byte) 'r';
                    case '\t' -> (byte) 't';
                    case 0x0B -> (byte) 'v';
                    default -> 0;
                };
                if (escaped != 0) {
                    out.writeByte('\\');
                    out.writeByte(escaped);
                } else {
                    if (c == delimiter) {
                        out.writeByte('\\');
                    }
                    out.writeByte(c);
                }
            } else if (c == '\\' || c == delimiter) {
                out.writeByte('\\');
                out.writeByte(c);
            } else {
                out.writeByte(c);
            }
        }
    }

    /**
     * CopyAttributeOutCSV: quoted when the value equals the NULL string, holds the delimiter, the
     * quote or a line break, or is {@code \.} alone on its line; quotes and escapes inside are
     * preceded by the escape character.
     */
    private void writeCsv(ByteBuf out, boolean singleColumn) {
        byte delimiter = options.delimiter();
        byte quote = options.quote();
        byte escape = options.escape();
        int start = scratch.readerIndex();
        int end = scratch.writerIndex();
        boolean quoted = equalsNullText(start, end)
                || singleColumn && end - start == 2 && scratch.getByte(start) == '\\' && scratch.getByte(start + 1) == '.';
        for (int i = start; i < end && !quoted; i++) {
            byte c = scratch.getByte(i);
            quoted = c == delimiter || c == quote || c == '\n' || c == '\r';
        }
        if (!quoted) {
            out.writeBytes(scratch, start, end - start);
            return;
        }
        out.writeByte(quote);
        for (int i = start; i < end; i++) {
            byte c = scratch.getByte(i);
            if (c == quote || c == escape) {
                out.writeByte(escape);
            }
            out.writeByte(c);
        }
        out.writeByte(quote);
    }

    private boolean equalsNullText(int start, int end) {
        if (end - start != nullBytes.length) {
            return false;
        }
        for (int k = 0; k < nullBytes.length; k++) {
            if (scratch.getByte(start + k) != nullBytes[k]) {
                return false;
            }
        }
        return true;
    }
}
